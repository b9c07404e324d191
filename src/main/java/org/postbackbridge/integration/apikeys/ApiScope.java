package org.postbackbridge.integration.apikeys;

/** What an API key may do on {@code /api/v1}: read only, or read and write. */
public enum ApiScope {
    READ("read"),
    READ_WRITE("read+write");

    private final String label;

    ApiScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
