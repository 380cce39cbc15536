/**
 * The API's OpenAPI document ({@code /api/v1/openapi.json}): springdoc generates it from the controllers, and the
 * per-mart paths come from the mart contract, so the document cannot drift from the code.
 */
package jp.renkei.dashboard.apidocs;
