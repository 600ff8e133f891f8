package io.aftersales.cases;

import io.aftersales.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

public class CaseNotFoundException extends ErrorResponseException {
  public CaseNotFoundException(String what) {
    super(HttpStatus.NOT_FOUND, Problems.detail(HttpStatus.NOT_FOUND, "not-found", "Not found",
        "No service case " + what), null);
  }
}
