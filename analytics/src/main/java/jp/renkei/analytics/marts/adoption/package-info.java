/**
 * The adoption marts {@code municipal_adoption} and {@code prefecture_adoption} (docs/marts.md): pure
 * DataFrame-to-DataFrame transforms over staged frames, and the one place where in-scope offices, 申請率 and active
 * rate are defined. No reading, writing or publishing here.
 */
package jp.renkei.analytics.marts.adoption;
