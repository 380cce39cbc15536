package jp.renkei.dashboard.security;

/** A signed-in principal that carries its renkei role: a users-file account or an OIDC one. */
interface SignedInAccount {

    Viewer viewer();
}
