package io.aftersales.spareparts;

import io.aftersales.security.Groups;
import io.aftersales.shared.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's payment arrived: finance staff (or a shop payment webhook with a finance user)
 * confirm it here; the waiting spare-part request then continues.
 *
 * <ul>
 *   <li>200: confirmed (or the same confirmation again: {@code replayed: true});</li>
 *   <li>404: no payment request with this reference;</li>
 *   <li>409: the quote expired or was paid under another reference: refund the customer;</li>
 *   <li>403: not in the {@code finance} group.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/payments")
record PaymentConfirmationController(SparePartService spareParts) {
  record ConfirmationRequest(@NotBlank @Size(max = 100) String paymentReference) {}

  @PostMapping("/{reference}/confirmation")
  SparePartService.PaymentConfirmation confirm(@PathVariable String reference,
      @Valid @RequestBody ConfirmationRequest body, Authentication user) {
    // Also enforced here, so the endpoint is safe whatever the central security rules say.
    if (user == null || user.getAuthorities().stream().noneMatch(a -> Groups.FINANCE.equals(a.getAuthority()))) {
      throw Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Only finance confirms payments.");
    }
    try {
      return spareParts.confirmPayment(reference.strip(), body.paymentReference().strip())
          .orElseThrow(() -> Problems.notFound("payment request " + reference));
    } catch (SparePartService.PaymentNotApplicableException e) {
      throw Problems.conflict(e.getMessage());
    }
  }
}
