/**
 * The demo nation: a seeded, deterministic set of offices, license applications and monthly standard files built on
 * the real municipality master, so the whole pipeline can run with nothing but the repository. Figures that shape it
 * (offices by type and municipality size, caseloads, the adoption curve) are named parameters; docs/demo-nation.md
 * gives each with its source.
 */
package jp.renkei.ingest.demo;
