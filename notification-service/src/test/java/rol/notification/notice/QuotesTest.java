package rol.notification.notice;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuotesTest {

    @Test
    void aPlainTitleIsQuotedOnce() {
        assertEquals("“开展行政执法案卷评查”", Quotes.quote("开展行政执法案卷评查"));
    }

    @Test
    void aQuotationInsideTheTitleGoesOneLevelDown() {
        assertEquals("“深化‘放管服’改革”", Quotes.quote("深化“放管服”改革"));
        assertEquals("“推进‘八五’普法和‘谁执法谁普法’责任制”", Quotes.quote("推进“八五”普法和“谁执法谁普法”责任制"));
    }

    @Test
    void aQuotationTwoLevelsDownComesBackToDoubleMarks() {
        assertEquals("“落实‘关于“放管服”的意见’要求”", Quotes.quote("落实“关于‘放管服’的意见”要求"));
    }

    @Test
    void straightQuotesArePairedInOrder() {
        assertEquals("“开展‘法律进企业’和‘法治体检’活动”", Quotes.quote("开展\"法律进企业\"和\"法治体检\"活动"));
    }

    @Test
    void noTitleIsNoQuoteAnEmptyOneIsEmptyQuotes() {
        assertEquals("", Quotes.quote(null));
        assertEquals("“”", Quotes.quote(""));
    }
}
