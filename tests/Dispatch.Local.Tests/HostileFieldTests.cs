using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Core.Api;
using Dispatch.Core.Reports;
using Dispatch.App.Reports;
using Dispatch.Testing;
using MiniExcelLibs;

namespace Dispatch.Local.Tests;

/// <summary>Ids keys cannot hold, control characters in free text, out-of-range numbers and a reused
/// idempotency key: each a 400 (or 422) problem naming the field, and nothing stored.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileFieldTests(AzuriteFixture azurite)
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Fields(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];

    [Theory]
    [InlineData("../x")]
    [InlineData("hubin\u0001")]
    [InlineData("社区😀")]
    [InlineData("a|b")]
    public async Task A_community_id_keys_cannot_hold_is_a_field_error_and_places_nothing(string communityId)
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var response = await host.Http.PostAsJsonAsync(Routes.Orders, LocalHostFixture.Form() with { CommunityId = communityId });
        Assert.Equal(["communityId"], Fields(await ProblemAsync(response, HttpStatusCode.BadRequest)));
        Assert.Empty(await host.OpenOrdersAsync());
    }

    [Fact]
    public async Task Route_ids_that_cannot_be_ids_answer_400_and_well_formed_unknown_ones_404()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var organizer = host.OrganizerToken();
        var member = host.MemberToken("m001");
        using var longPost = await host.SendAsync(HttpMethod.Post, PostRoutes.ClaimOf(new string('p', 5000)), member);
        Assert.Equal(["postId"], Fields(await ProblemAsync(longPost, HttpStatusCode.BadRequest)));
        using var emojiOrder = await host.SendAsync(HttpMethod.Get, "/api/orders/" + Uri.EscapeDataString("o😀"), organizer);
        Assert.Equal(["orderId"], Fields(await ProblemAsync(emojiOrder, HttpStatusCode.BadRequest)));
        using var controlLetter = await host.SendAsync(HttpMethod.Post, "/api/organizer/dead-letters/" + Uri.EscapeDataString("a\u0001b") + "/resubmit", organizer);
        Assert.Equal(["id"], Fields(await ProblemAsync(controlLetter, HttpStatusCode.BadRequest)));
        using var unknown = await host.SendAsync(HttpMethod.Post, PostRoutes.ClaimOf("p-unknown"), member);
        await ProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1999)]
    [InlineData(2101)]
    public async Task A_year_out_of_range_freezes_nothing(int year)
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var freeze = await host.SendAsync(HttpMethod.Post, PostRoutes.FreezeOf(year), host.OrganizerToken());
        Assert.Equal(["year"], Fields(await ProblemAsync(freeze, HttpStatusCode.BadRequest)));
        using var read = await host.SendAsync(HttpMethod.Get, PostRoutes.AssessmentOf(year), host.OrganizerToken());
        Assert.Equal(["year"], Fields(await ProblemAsync(read, HttpStatusCode.BadRequest)));
        using var records = await host.SendAsync(HttpMethod.Get, Routes.MyRecords + "?year=" + year, host.MemberToken("m001"));
        Assert.Equal(["year"], Fields(await ProblemAsync(records, HttpStatusCode.BadRequest)));
    }

    [Theory]
    [InlineData("name", "张\u0000三")]
    [InlineData("name", "张\u202E三")]
    [InlineData("address", "1号楼\n101")]
    [InlineData("address", "1号楼\u2066101\u2069")]
    [InlineData("description", "修水管\u200F")]
    [InlineData("description", "修\u0007水管")]
    public async Task Control_characters_and_direction_overrides_in_free_text_are_field_errors(string field, string value)
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var form = field switch
        {
            "name" => LocalHostFixture.Form() with { Name = value },
            "address" => LocalHostFixture.Form() with { Address = value },
            _ => LocalHostFixture.Form() with { Description = value },
        };
        using var response = await host.Http.PostAsJsonAsync(Routes.Orders, form);
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], Fields(problem));
        Assert.Contains("Must not contain control characters", problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Empty(await host.OpenOrdersAsync());
    }

    [Fact]
    public async Task A_description_keeps_its_line_breaks_and_a_reason_refuses_an_override()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync(LocalHostFixture.Form() with { Description = "厨房水管漏水\n请带工具" });
        using var cancel = await host.SendAsync(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Cancel, placed.OrderId), placed.Token, new { reason = "不需要\u202E了" });
        Assert.Equal(["reason"], Fields(await ProblemAsync(cancel, HttpStatusCode.BadRequest)));
        Assert.Single(await host.OpenOrdersAsync());
    }

    [Fact]
    public async Task A_key_replayed_with_another_form_is_422_without_the_first_order_or_token()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var first = await host.PlaceAsync(idempotencyKey: "form-422");

        using var other = new HttpRequestMessage(HttpMethod.Post, Routes.Orders) { Content = JsonContent.Create(LocalHostFixture.Form() with { Address = "another door" }) };
        other.Headers.Add("Idempotency-Key", "form-422");
        using var reused = await host.Http.SendAsync(other);
        var text = await reused.Content.ReadAsStringAsync();
        Assert.Equal((HttpStatusCode)422, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("/idempotency-key-reused", JsonDocument.Parse(text).RootElement.GetProperty("type").GetString());
        Assert.DoesNotContain(first.OrderId, text);
        Assert.DoesNotContain(first.Token, text);

        var same = await host.PlaceAsync(idempotencyKey: "form-422");
        Assert.Equal(first.OrderId, same.OrderId);
        Assert.Single(await host.OpenOrdersAsync());
    }

    [Fact]
    public void Xlsx_text_cells_that_look_like_formulas_are_neutralised_like_the_csv()
    {
        var table = new ReportTable("t", ["name", "hours"], [["=HYPERLINK(\"http://x\",\"y\")", 1.5], ["+1+1", 2.0], ["@SUM(A1)", 0.5], ["-2", 1.0], ["王芳", 3.0]]);
        using var book = new MemoryStream(XlsxExport.Write(table));
        var names = book.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => r["name"]?.ToString()).ToList();
        Assert.Equal(["'=HYPERLINK(\"http://x\",\"y\")", "'+1+1", "'@SUM(A1)", "'-2", "王芳"], names);
        Assert.Equal(1.5, Convert.ToDouble(book.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().First()["hours"]));
    }
}
