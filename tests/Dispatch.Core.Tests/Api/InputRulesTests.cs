using CsCheck;
using Dispatch.Core.Api;

namespace Dispatch.Core.Tests.Api;

/// <summary>The shared input rules both hosts apply at the edge: ids, years and free text.</summary>
public sealed class InputRulesTests
{
    [Theory]
    [InlineData("hubin")]
    [InlineData("o0192abcdef")]
    [InlineData("ZM-2026-7K3QX9M2BD")]
    [InlineData("b1-101")]
    [InlineData("a.b~c:d_e")]
    public void Ids_the_app_issues_pass(string id) => Assert.True(Ids.IsValid(id));

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../x")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a|b")]
    [InlineData("a,b")]
    [InlineData("hubin\u0000")]
    [InlineData("社区")]
    [InlineData("o😀")]
    [InlineData("a\u202Eb")]
    public void Ids_keys_or_paths_cannot_hold_are_refused(string id) => Assert.False(Ids.IsValid(id));

    [Fact]
    public void A_5000_character_id_is_refused() => Assert.False(Ids.IsValid(new string('p', 5000)));

    [Fact]
    public void Any_id_that_passes_is_safe_as_a_table_key_and_a_url_segment() =>
        Gen.String[Gen.Char, 0, 120].Sample(s =>
            !Ids.IsValid(s) || (s.Length is >= 1 and <= Ids.MaxLength && IsPathSegment(s) && s.Trim('.').Length > 0));

    /// <summary>Unreserved characters, plus ':' which a path segment may hold unescaped (RFC 3986 pchar) though
    /// Uri.EscapeDataString escapes it.</summary>
    private static bool IsPathSegment(string s) => Uri.EscapeDataString(s.Replace(":", "", StringComparison.Ordinal)) == s.Replace(":", "", StringComparison.Ordinal);

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1999, false)]
    [InlineData(2000, true)]
    [InlineData(2100, true)]
    [InlineData(2101, false)]
    public void Years_are_2000_to_2100(int year, bool valid) => Assert.Equal(valid, Years.IsValid(year));

    [Fact]
    public void A_year_query_is_the_current_year_when_absent_and_refused_when_not_a_year()
    {
        Assert.Equal(2026, Years.FromQuery(null, 2026));
        Assert.Equal(2025, Years.FromQuery("2025", 2026));
        foreach (var bad in new[] { "-1", "0", "abc", "2025,2026", " 2025", "99999999999" })
        {
            var e = Assert.Throws<ApiProblemException>(() => Years.FromQuery(bad, 2026));
            Assert.Equal(["year"], e.Problem.Errors!.Keys);
        }
    }

    [Theory]
    [InlineData("张\u0000三", false, false)]
    [InlineData("张\u202E三", false, false)]
    [InlineData("张\u2066三\u2069", false, false)]
    [InlineData("张\u200E三", false, false)]
    [InlineData("1号楼\n101", false, false)]
    [InlineData("第一行\n第二行", true, true)]
    [InlineData("第一行\u0007", true, false)]
    [InlineData("张阿姨 😀", false, true)]
    public void Free_text_refuses_control_and_direction_characters_and_breaks_only_where_multi_line(string text, bool multiLine, bool valid) =>
        Assert.Equal(valid, FreeText.IsValid(text, multiLine));

    [Fact]
    public void A_lone_surrogate_half_is_not_text() // (not an InlineData: test discovery would replace it)
    {
        Assert.False(FreeText.IsValid("a\uD800b", multiLine: true));
        Assert.True(FreeText.IsValid("a\uD83D\uDE00b", multiLine: false));
    }

    [Fact]
    public void A_reason_with_an_override_is_a_field_error_in_both_languages()
    {
        var e = Assert.Throws<ApiProblemException>(() => FreeText.Reason("不需要\u202E了"));
        var message = Assert.Single(e.Problem.Errors!["reason"]);
        Assert.Contains("控制", message);
        Assert.Contains("control characters", message);
        Assert.Equal("改天再来", FreeText.Reason("  改天再来 "));
    }
}
