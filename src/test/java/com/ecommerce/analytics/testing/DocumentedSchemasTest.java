package com.ecommerce.analytics.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DocumentedSchemasTest {

    // Thing carries OpenAPI-only keywords and an unknown format on purpose: they must be ignored, not fail.
    private static final String OPEN_API = """
            {
              "openapi": "3.1.0",
              "info": {"title": "things", "version": "1"},
              "paths": {
                "/api/things/": {
                  "get": {
                    "responses": {
                      "200": {"description": "a thing",
                              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                      "404": {"description": "no thing",
                              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                    }
                  }
                },
                "/api/things/{id}/related": {
                  "get": {
                    "responses": {
                      "200": {"description": "related things",
                              "content": {"application/json": {"schema": {
                                "type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}}},
                      "default": {"description": "any error",
                              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                    }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Thing": {
                    "type": "object",
                    "required": ["id"],
                    "discriminator": {"propertyName": "kind"},
                    "xml": {"name": "thing"},
                    "example": {"id": 1, "price": "9.99"},
                    "properties": {
                      "id": {"type": "integer", "format": "int64"},
                      "price": {"type": "string", "pattern": "^-?[0-9]+(\\\\.[0-9]+)?$", "format": "decimal"},
                      "kind": {"type": "string"}
                    }
                  },
                  "Error": {
                    "type": "object",
                    "required": ["status", "message"],
                    "properties": {
                      "status": {"type": "integer"},
                      "message": {"type": "string"}
                    }
                  }
                }
              }
            }
            """;

    private final DocumentedSchemas schemas = DocumentedSchemas.of(OPEN_API);

    @Test
    void aThingAsDocumentedHasNoViolations() {
        assertEquals(List.of(), schemas.violations("/api/things/", "GET", 200, """
                {"id": 7, "price": "12.50", "kind": "gadget"}"""));
    }

    @Test
    void aDecimalSentAsANumberIsAViolation() {
        List<String> violations = schemas.violations("/api/things/", "GET", 200, """
                {"id": 7, "price": 12.50}""");

        assertEquals(1, violations.size(), violations::toString);
        assertTrue(violations.get(0).contains("price"), violations::toString);
    }

    @Test
    void aDecimalStringThatIsNotANumberIsAViolation() {
        List<String> violations = schemas.violations("/api/things/", "GET", 200, """
                {"id": 7, "price": "12,50"}""");

        assertEquals(1, violations.size(), violations::toString);
    }

    @Test
    void aMissingRequiredFieldIsAViolation() {
        List<String> violations = schemas.violations("/api/things/", "GET", 404, """
                {"status": 404}""");

        assertEquals(1, violations.size(), violations::toString);
        assertTrue(violations.get(0).contains("message"), violations::toString);
    }

    @Test
    void aStatusWithoutResponseOrDefaultIsNotDocumented() {
        List<String> violations = schemas.violations("/api/things/", "GET", 500, """
                {"status": 500, "message": "boom"}""");

        assertEquals(1, violations.size(), violations::toString);
        assertTrue(violations.get(0).contains("not documented"), violations::toString);
    }

    @Test
    void anOperationNotInTheDocumentIsNotDocumented() {
        List<String> violations = schemas.violations("/api/things/", "POST", 200, "{}");

        assertEquals(1, violations.size(), violations::toString);
        assertTrue(violations.get(0).contains("not documented"), violations::toString);
    }

    @Test
    void aStatusWithoutItsOwnResponseIsCheckedAgainstTheDefault() {
        assertEquals(List.of(), schemas.violations("/api/things/{id}/related", "get", 503, """
                {"status": 503, "message": "later"}"""));
        assertEquals(1, schemas.violations("/api/things/{id}/related", "get", 503, """
                {"status": 503}""").size());
    }

    @Test
    void aRefInsideArrayItemsIsFollowed() {
        assertEquals(List.of(), schemas.violations("/api/things/{id}/related", "GET", 200, """
                [{"id": 1, "price": "1.00"}, {"id": 2}]"""));

        List<String> violations = schemas.violations("/api/things/{id}/related", "GET", 200, """
                [{"id": 1, "price": "1.00"}, {"price": 2}]""");

        assertEquals(2, violations.size(), violations::toString);
        assertTrue(violations.stream().allMatch(violation -> violation.contains("1")), violations::toString);
    }

    @Test
    void aBodyThatIsNotJsonIsAViolation() {
        List<String> violations = schemas.violations("/api/things/", "GET", 200, "<html>oops</html>");

        assertEquals(1, violations.size(), violations::toString);
    }

    @Test
    void assertValidFailsWithTheViolationsAndTheBody() {
        String body = """
                {"id": "seven"}""";

        AssertionError failure = assertThrows(AssertionError.class,
                () -> schemas.assertValid("/api/things/", "GET", 200, body));

        assertTrue(failure.getMessage().contains("id"), failure::getMessage);
        assertTrue(failure.getMessage().contains(body), failure::getMessage);
    }

    @Test
    void assertValidPassesADocumentedBody() {
        schemas.assertValid("/api/things/", "GET", 404, """
                {"status": 404, "message": "no thing 7"}""");
    }
}
