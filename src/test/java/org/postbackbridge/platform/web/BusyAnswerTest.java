package org.postbackbridge.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.postbackbridge.platform.database.StorageUnavailableException;
import org.postbackbridge.platform.database.WriterBusyException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A request refused because the database has too much waiting is told to come back, unlike a failed store. */
class BusyAnswerTest {

    @RestController
    static class Failing {
        @GetMapping("/busy")
        String busy() {
            throw new WriterBusyException(256);
        }

        @GetMapping("/down")
        String down() {
            throw new StorageUnavailableException("commit failed", null);
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ApiExceptionHandler()).build();

    @Test
    void tooManyWaitingIsA503WithRetryAfterNamingTheCause() throws Exception {
        mvc.perform(get("/busy"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.error").value("busy"))
                .andExpect(jsonPath("$.message").value(
                        "256 requests are already waiting for the database; nothing was stored, retry in a second"));
    }

    @Test
    void aFailedStoreStaysStorageUnavailable() throws Exception {
        mvc.perform(get("/down"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().doesNotExist("Retry-After"))
                .andExpect(jsonPath("$.error").value("storage_unavailable"));
    }
}
