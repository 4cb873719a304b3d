package eu.empact.oap.reporting.documents;

import eu.empact.oap.registry.ApiAccess;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapAccess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The round's report (PDF, and DOCX for the secretariat to edit) and the annual fact sheets as PDF,
 * under {@code /api}.
 */
@RestController
class DocumentController {

  static final MediaType DOCX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final RoundReportDocument reportDocument;
  private final FactSheetDocument factSheet;
  private final ApiAccess access;
  private final OapAccess oapAccess;

  DocumentController(RoundReportDocument reportDocument, FactSheetDocument factSheet, ApiAccess access,
                     OapAccess oapAccess) {
    this.reportDocument = reportDocument;
    this.factSheet = factSheet;
    this.access = access;
    this.oapAccess = oapAccess;
  }

  /** The round's report in the Council's shape, as it stands now. */
  @GetMapping(path = "/api/oaps/{id}/rounds/{round}/report.pdf")
  ResponseEntity<byte[]> reportPdf(@PathVariable long id, @PathVariable int round, Authentication user) {
    oapAccess.requireRead(user, id);
    return pdf(reportDocument.pdf(id, round), "oap-" + id + "-round-" + round + "-report.pdf");
  }

  /** The round's report as a Word document, for the COSI secretariat to edit: read as the PDF is. */
  @GetMapping(path = "/api/oaps/{id}/rounds/{round}/report.docx")
  ResponseEntity<byte[]> reportDocx(@PathVariable long id, @PathVariable int round, Authentication user) {
    oapAccess.requireRead(user, id);
    return ResponseEntity.ok().contentType(DOCX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("oap-" + id + "-round-" + round + "-report.docx").build().toString())
        .body(reportDocument.docx(id, round));
  }

  /** The annual fact sheet of one OAP. */
  @GetMapping(path = "/api/oaps/{id}/fact-sheets/{year}.pdf")
  ResponseEntity<byte[]> factSheetPdf(@PathVariable long id, @PathVariable int year, Authentication user) {
    oapAccess.requireRead(user, id);
    return pdf(factSheet.pdf(id, year), "oap-" + id + "-fact-sheet-" + year + ".pdf");
  }

  /** The annual fact sheet across every OAP: for the EMPACT Support Unit (and administrators). */
  @GetMapping(path = "/api/fact-sheets/{year}.pdf")
  ResponseEntity<byte[]> allOapsFactSheetPdf(@PathVariable int year, Authentication user) {
    access.requireOneOf(user, "read the fact sheet across OAPs", EmpactGroups.SUPPORT_UNIT,
        EmpactGroups.ADMINISTRATORS);
    return pdf(factSheet.allOapsPdf(year), "empact-fact-sheet-" + year + ".pdf");
  }

  private static ResponseEntity<byte[]> pdf(byte[] document, String filename) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
        .body(document);
  }
}
