package org.postbackbridge.console.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which page an operator gets for what they asked, and whether pages lie before and after it. */
class PageTest {

    @Test
    void aPageHoldsFiftyRowsUnlessOneOfTheOfferedSizesIsAsked() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(1, 50, "page"));
        assertThat(PageRequest.of(3, 200).offset()).isEqualTo(400);
        assertThat(PageRequest.of(2, 7).size()).isEqualTo(50);
        assertThat(PageRequest.of(-4, 25).page()).isEqualTo(1);
        assertThat(PageRequest.of(Integer.MAX_VALUE, 200).page()).isEqualTo(PageRequest.MAX_PAGE);
        assertThat(PageRequest.of("messages_page", 2, null).parameter()).isEqualTo("messages_page");
    }

    @Test
    void anUncountedListKnowsOfANextPageFromTheRowFetchedBeyondIt() {
        PageRequest second = PageRequest.of(2, 25);
        Page<Integer> full = Page.probed(rows(second.sizeWithProbe()), second);
        assertThat(full.items()).hasSize(25);
        assertThat(full.hasNext()).isTrue();
        assertThat(full.hasPrevious()).isTrue();
        assertThat(full.isCounted()).isFalse();
        assertThat(List.of(full.first(), full.last())).containsExactly(26L, 50L);

        Page<Integer> last = Page.probed(rows(25), second);
        assertThat(last.items()).hasSize(25);
        assertThat(last.hasNext()).isFalse();

        Page<Integer> beyond = Page.probed(List.of(), PageRequest.of(3, 25));
        assertThat(beyond.isPaged()).as("an empty page after others still links back").isTrue();
        assertThat(Page.probed(List.of(), PageRequest.of(1, 25)).isPaged()).isFalse();
    }

    @Test
    void aCountedListKnowsOfANextPageFromItsTotal() {
        PageRequest first = PageRequest.of(1, 25);
        assertThat(Page.counted(rows(25), first, 26).hasNext()).isTrue();
        assertThat(Page.counted(rows(25), first, 25).hasNext()).isFalse();
        assertThat(Page.counted(List.of(), first, 0).isPaged()).isFalse();
        assertThat(Page.counted(rows(1), first, 1).total()).isEqualTo(1L);
    }

    private static List<Integer> rows(int count) {
        return IntStream.range(0, count).boxed().toList();
    }
}
