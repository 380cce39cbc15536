/**
 * The demo's card checks: a test issuer trusted by the relay, demo people in the eligibility registry, and checks run
 * by care-management offices through the emulated card, the real pcscd and the relay. Also the whole-check latency
 * figures (card + relay + registry). Demo and benchmark only; nothing in the relay depends on it.
 */
package jp.renkei.relay.carddemo;
