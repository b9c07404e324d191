package org.postbackbridge.intake;

/**
 * Why a postback was refused: the HTTP status, a stable error code, the parameter at fault (if
 * one is) and a sentence for the operator. Never carries a secret.
 */
public record Rejection(int status, String error, String parameter, String message) {

    static Rejection badRequest(String error, String parameter, String message) {
        return new Rejection(400, error, parameter, message);
    }
}
