/**
 * The demo nation: a seeded, deterministic set of offices, license applications and monthly standard files built on
 * the real municipality master, so the whole pipeline can run with nothing but the repository. Figures that shape it
 * (mix of service types, adoption curve) are parameters calibrated on shared/spec/demo-figures.md.
 */
package jp.renkei.ingest.demo;
