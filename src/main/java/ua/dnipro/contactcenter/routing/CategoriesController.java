package ua.dnipro.contactcenter.routing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue.Catalogue;

/** The catalogue channels build their menus from. */
@RestController
@RequestMapping("/api/v1/categories")
@Tag(name = "Categories", description = "What a complaint can be about, from the deployed classifier")
class CategoriesController {

  private final ClassifierCatalogue classifier;

  CategoriesController(ClassifierCatalogue classifier) {
    this.classifier = classifier;
  }

  /** The catalogue as channels receive it. */
  record CatalogueResponse(int classifierVersion, List<ClassifierCatalogue.Category> categories) {
  }

  @GetMapping
  @Operation(summary = "Categories and issue types, with names in Ukrainian and English and today's SLA tier",
      description = "Derived from the latest deployed routing table: an analyst's change shows up at once. "
          + "Use these codes in POST /api/v1/complaints; OTHER/OTHER goes to the dispatchers.")
  ResponseEntity<CatalogueResponse> categories() {
    Catalogue catalogue = classifier.current();
    return ResponseEntity.ok().cacheControl(CacheControl.noCache())
        .body(new CatalogueResponse(catalogue.routingVersion(), catalogue.categories()));
  }
}
