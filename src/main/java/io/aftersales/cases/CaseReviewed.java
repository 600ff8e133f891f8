package io.aftersales.cases;

/**
 * An agent's review recorded what a case is about ({@code ServiceTask_RecordReview}): its type and, where known, its
 * product. Published inside the review's transaction (recurring-problem alerts count it there).
 */
public record CaseReviewed(Long caseId, String caseNumber, Long productId, String productSku, String productCategory,
    String requestType) {}
