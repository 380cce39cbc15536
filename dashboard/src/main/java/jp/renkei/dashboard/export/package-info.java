/**
 * Exports for official reports: what a page shows, with its reference month, filters, definitions and source written
 * into the file, as CSV (UTF-8 with BOM, or MS932) and XLSX; text cells can never become spreadsheet formulas.
 */
package jp.renkei.dashboard.export;
