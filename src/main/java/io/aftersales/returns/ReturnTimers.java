package io.aftersales.returns;

/** Timer durations of one return (ISO 8601), see {@link ReturnSettings}. */
record ReturnTimers(String decisionOla, String shipmentTimeout, String inspectionOla, String customerAnswerTimeout) {}
