using System.Text;
using System.Text.Json;
using Dispatch.App.Reports;
using Dispatch.Core.Api;
using Dispatch.Core.Assessment;
using Dispatch.Core.Reports;
using Dispatch.Core.Tallies;
using Dispatch.Functions.Http;
using Dispatch.Testing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>Posts, tallies, the assessment year, exports, proofs and health on the Azure host: the same use
/// cases as the local host (Dispatch.App), called through the HTTP functions with real HttpRequest objects and
/// written as the worker writes them. The assertions are the local host's tests' (Dispatch.Local.Tests: Posts,
/// Tallies, Reports) where both test the same behaviour.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PostAndReportTests(AzuriteFixture azurite)
{
    /// <summary>New Year's Eve, 23:30 China time: a year about to end, as the local assessment tests.</summary>
    private static readonly DateTimeOffset NewYearsEve = new(2026, 12, 31, 23, 30, 0, TimeSpan.FromHours(8));

    private static readonly CreatePostRequest Crossing =
        new("路口文明劝导岗", "周末早高峰", 5, new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 31));

    [Fact]
    public async Task A_post_is_claimed_and_served_the_year_freezes_and_exports_and_proofs_carry_the_hours()
    {
        var clock = new FakeTimeProvider(NewYearsEve);
        await using var host = await StartAsync(azurite, SlowPolicy, clock: clock);
        var organizer = host.OrganizerToken();
        var m1 = host.MemberToken("m1");

        var created = await host.CallAsync(Request("POST", PostRoutes.Posts, Crossing, organizer), r => host.Posts.CreateAsync(r, default));
        Assert.Equal(201, created.Status);
        Assert.StartsWith("application/json", created.ContentType);
        Assert.Equal(0, created.Json.GetProperty("taken").GetInt32()); // camelCase, as the local host writes it
        var post = created.As<PostView>();
        Assert.Equal((5, 0, 2026), (post.Capacity, post.Taken, post.QuotaYear));
        Assert.Equal($"{PostRoutes.Posts}/{post.PostId}", created.Headers.Location.ToString());

        var claim = await host.CallAsync(Request("POST", PostRoutes.ClaimOf(post.PostId), token: m1), r => host.Posts.ClaimAsync(r, post.PostId, default));
        Assert.Equal(201, claim.Status);
        Assert.InRange(claim.As<PostClaimResponse>().Place, 1, 5);
        var again = await host.CallAsync(Request("POST", PostRoutes.ClaimOf(post.PostId), token: m1), r => host.Posts.ClaimAsync(r, post.PostId, default));
        Assert.Equal((409, "already-claimed"), (again.Status, again.ProblemType));
        var seen = Assert.Single((await host.CallAsync(Request("GET", PostRoutes.Posts, token: m1), r => host.Posts.ListAsync(r, default))).As<PostView[]>());
        Assert.Equal((1, true), (seen.Taken, seen.ClaimedByMe));

        var shift = new ShiftRequest("m1", new DateOnly(2026, 12, 30), 3m);
        var first = await host.CallAsync(Request("POST", PostRoutes.ShiftsOf(post.PostId), shift, organizer), r => host.Posts.ShiftAsync(r, post.PostId, default));
        Assert.Equal(201, first.Status);
        var repeat = await host.CallAsync(Request("POST", PostRoutes.ShiftsOf(post.PostId), shift, organizer), r => host.Posts.ShiftAsync(r, post.PostId, default));
        Assert.Equal((200, $"{post.PostId}~m1~20261230", false), (repeat.Status, repeat.As<ShiftResponse>().RecordId, repeat.As<ShiftResponse>().Credited));
        var notClaimed = await host.CallAsync(Request("POST", PostRoutes.ShiftsOf(post.PostId), shift with { MemberId = "m2" }, organizer),
            r => host.Posts.ShiftAsync(r, post.PostId, default));
        Assert.Equal((409, "not-claimed"), (notClaimed.Status, notClaimed.ProblemType));

        var live = (await host.CallAsync(Request("GET", PostRoutes.Tallies + "?year=2026", token: organizer), r => host.Tallies.TalliesAsync(r, default))).As<TallyReport>();
        Assert.Equal((3m, 1), (Tally(live.Tallies, "m1").Hours, Tally(live.Tallies, "m1").Posts));
        Assert.Equal((3, 6), (live.RollUps.Community.Members, live.RollUps.Community.HalfHours));
        var mine = (await host.CallAsync(Request("GET", PostRoutes.MyTally, token: m1), r => host.Tallies.MyTallyAsync(r, default))).As<AnnualTally>();
        Assert.Equal((2026, 3m, 1, 1), (mine.Year, mine.Hours, mine.Services, mine.Posts));

        // Not over yet; then midnight in China, and the organizer freezes 2026 by hand (201, then 200, same snapshot).
        var tooEarly = await host.CallAsync(Request("POST", PostRoutes.FreezeOf(2026), token: organizer), r => host.Tallies.FreezeAsync(r, "2026", default));
        Assert.Equal((409, "year-not-over"), (tooEarly.Status, tooEarly.ProblemType));
        var notFrozen = await host.CallAsync(Request("GET", PostRoutes.AssessmentOf(2026), token: organizer), r => host.Tallies.AssessmentAsync(r, "2026", default));
        Assert.Equal(404, notFrozen.Status);
        clock.Advance(TimeSpan.FromMinutes(31));
        var frozen = await host.CallAsync(Request("POST", PostRoutes.FreezeOf(2026), token: organizer), r => host.Tallies.FreezeAsync(r, "2026", default));
        Assert.Equal((201, PostRoutes.AssessmentOf(2026)), (frozen.Status, frozen.Headers.Location.ToString()));
        var refreeze = await host.CallAsync(Request("POST", PostRoutes.FreezeOf(2026), token: organizer), r => host.Tallies.FreezeAsync(r, "2026", default));
        Assert.Equal(200, refreeze.Status);
        var assessment = await host.CallAsync(Request("GET", PostRoutes.AssessmentOf(2026), token: organizer), r => host.Tallies.AssessmentAsync(r, "2026", default));
        var view = assessment.As<AssessmentView>();
        Assert.Equal((2026, 3m), (view.Snapshot.Year, Tally(view.Snapshot.Tallies, "m1").Hours));
        Assert.Equal(frozen.As<AssessmentView>().Snapshot.SnapshotId, view.Snapshot.SnapshotId);
        Assert.Empty(view.LateCorrections);

        var csv = await host.CallAsync(Request("GET", ReportRoutes.TalliesCsv + "?year=2026", token: organizer), r => host.Reports.CsvAsync(r, default));
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.ContentType);
        Assert.Contains("filename*=UTF-8''", csv.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal("no-store", csv.Headers.CacheControl.ToString());
        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Bytes.Take(3));
        var lines = Encoding.UTF8.GetString(csv.Bytes, 3, csv.Bytes.Length - 3).Split("\r\n");
        Assert.Equal("党员编号,党员,网格,楼栋,服务时长(小时),服务次数,认领心愿,认领岗位,平均评价,积分,是否完成年度任务", lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith("m1,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(("党员m1", "3", "1", "1"), (row[1], row[4], row[5], row[7]));
        Assert.DoesNotContain("13900001111", Encoding.UTF8.GetString(csv.Bytes), StringComparison.Ordinal); // never a phone

        var xlsx = await host.CallAsync(Request("GET", ReportRoutes.TalliesXlsx + "?year=2026&level=member&lang=zh", token: organizer), r => host.Reports.XlsxAsync(r, default));
        Assert.Equal((200, XlsxExport.ContentType), (xlsx.Status, xlsx.ContentType));
        using var book = new MemoryStream(xlsx.Bytes);
        var rows = book.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["党员编号", "党员", "网格", "楼栋", "服务时长(小时)"], rows[0].Values.Take(5).Select(v => (string)v!));
        var cells = Assert.Single(rows, r => (r["A"] as string) == "m1");
        Assert.Equal(("党员m1", 3.0), ((string)cells["B"]!, Convert.ToDouble(cells["E"])));

        var months = (await host.CallAsync(Request("GET", ReportRoutes.Months + "?year=2026", token: organizer), r => host.Reports.MonthsAsync(r, default))).As<MonthlyTrend>();
        Assert.Equal((12, 6), (months.Months.Count, months.Months[11].HalfHours)); // December

        // A proof of the frozen year, verified by anyone without a link; an unknown number is 404.
        var issued = await host.CallAsync(Request("POST", ReportRoutes.MyProofs, new IssueProofRequest(2026), m1), r => host.Proofs.IssueAsync(r, default));
        Assert.Equal(201, issued.Status);
        var proof = issued.As<MemberProofView>();
        Assert.Matches("^ZM-2026-[0-9A-HJKMNP-TV-Z]{10}$", proof.Number);
        Assert.Equal(("党员m1", "清名桥社区", 2026, 3m, true), (proof.MemberName, proof.CommunityNameZh, proof.Year, proof.Hours, proof.FromAssessment));
        Assert.Equal("https://func.example/verify.html?n=" + proof.Number, proof.VerifyUrl);
        var own = await host.CallAsync(Request("GET", ReportRoutes.MyProofOf(proof.Number), token: m1), r => host.Proofs.MineAsync(r, proof.Number, default));
        Assert.Equal(200, own.Status);
        var notMine = await host.CallAsync(Request("GET", ReportRoutes.MyProofOf(proof.Number), token: host.MemberToken("m2")), r => host.Proofs.MineAsync(r, proof.Number, default));
        Assert.Equal(404, notMine.Status);

        var number = proof.Number.ToLowerInvariant(); // in any case
        var verified = await host.CallAsync(Request("GET", ReportRoutes.ProofOf(number)), r => host.Proofs.VerifyAsync(r, number, default));
        Assert.Equal((200, "no-store", "noindex"), (verified.Status, verified.Headers.CacheControl.ToString(), verified.Headers["X-Robots-Tag"].ToString()));
        Assert.Equal(new ProofVerification(proof.Number, true, "党员m1", "清名桥社区", "Qingmingqiao", 2026, 3m, proof.IssuedAt), verified.As<ProofVerification>());
        Assert.DoesNotContain("13900001111", verified.Text, StringComparison.Ordinal);
        foreach (var unknown in new[] { "ZM-2026-0000000000", "ZM-2026-XYZ", "nothing" })
        {
            var missing = await host.CallAsync(Request("GET", ReportRoutes.ProofOf(unknown)), r => host.Proofs.VerifyAsync(r, unknown, default));
            Assert.Equal((404, "not-found"), (missing.Status, missing.ProblemType));
            Assert.StartsWith("application/problem+json", missing.ContentType);
        }
    }

    [Fact]
    public async Task The_links_are_the_rule_as_on_the_local_host()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        var member = host.MemberToken("m1");

        var asMember = await host.CallAsync(Request("POST", PostRoutes.Posts, Crossing, member), r => host.Posts.CreateAsync(r, default));
        Assert.Equal((403, "token-wrongrole"), (asMember.Status, asMember.ProblemType));
        Assert.StartsWith("application/problem+json", asMember.ContentType);
        var bad = await host.CallAsync(Request("POST", PostRoutes.Posts, Crossing with { Capacity = 501, TitleZh = "" }, host.OrganizerToken()),
            r => host.Posts.CreateAsync(r, default));
        Assert.Equal(400, bad.Status);
        Assert.Equal(["capacity", "titleZh"], bad.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        var missing = await host.CallAsync(Request("POST", PostRoutes.ClaimOf("pnope"), token: member), r => host.Posts.ClaimAsync(r, "pnope", default));
        Assert.Equal(404, missing.Status);

        var tallies = await host.CallAsync(Request("GET", PostRoutes.Tallies, token: member), r => host.Tallies.TalliesAsync(r, default));
        Assert.Equal(403, tallies.Status);
        var badYear = await host.CallAsync(Request("GET", PostRoutes.Tallies + "?year=1999", token: host.OrganizerToken()), r => host.Tallies.TalliesAsync(r, default));
        Assert.Equal((400, "validation"), (badYear.Status, badYear.ProblemType));
        var otherCommunity = await host.CallAsync(Request("GET", PostRoutes.AssessmentOf(2025), token: host.OrganizerToken(OtherCommunityId)),
            r => host.Tallies.AssessmentAsync(r, "2025", default));
        Assert.Equal(404, otherCommunity.Status); // nothing frozen there; never c1's data
        var badRouteYear = await host.CallAsync(Request("POST", "/api/assessments/99/freeze", token: host.OrganizerToken()), r => host.Tallies.FreezeAsync(r, "99", default));
        Assert.Equal((400, "validation"), (badRouteYear.Status, badRouteYear.ProblemType));

        foreach (var export in new Func<Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Mvc.IActionResult>>[]
                 { r => host.Reports.CsvAsync(r, default), r => host.Reports.XlsxAsync(r, default), r => host.Reports.MonthsAsync(r, default) })
        {
            var refused = await host.CallAsync(Request("GET", "/api/exports", token: member), export);
            Assert.Equal((403, "token-wrongrole"), (refused.Status, refused.ProblemType));
            Assert.Equal(401, (await host.CallAsync(Request("GET", "/api/exports"), export)).Status);
        }

        var options = await host.CallAsync(Request("GET", ReportRoutes.TalliesCsv + "?level=building&lang=fr&year=1999", token: host.OrganizerToken()),
            r => host.Reports.CsvAsync(r, default));
        Assert.Equal((400, "validation"), (options.Status, options.ProblemType));
        Assert.Equal(["lang", "level", "year"], options.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());

        var asOrganizer = await host.CallAsync(Request("POST", ReportRoutes.MyProofs, new IssueProofRequest(2026), host.OrganizerToken()), r => host.Proofs.IssueAsync(r, default));
        Assert.Equal(403, asOrganizer.Status);
        var none = await host.CallAsync(Request("POST", ReportRoutes.MyProofs, token: member), r => host.Proofs.IssueAsync(r, default));
        Assert.Equal((409, "no-hours"), (none.Status, none.ProblemType));
    }

    [Fact]
    public async Task Results_are_written_with_the_same_json_as_the_local_host()
    {
        // What Results.Ok writes (the app's JsonOptions) and what HttpApi writes and reads (HttpApi.Json) agree:
        // camelCase, enums as strings, the core's converters.
        await using var host = await StartAsync(azurite, SlowPolicy);
        var options = host.Get<IOptions<JsonOptions>>().Value.SerializerOptions;
        var sample = new { OrderStatus = Core.Orders.OrderStatus.Escalated, Kind = LateKind.Record, On = new DateOnly(2026, 12, 31), Hours = 2.5m };
        Assert.Equal(JsonSerializer.Serialize(sample, HttpApi.Json), JsonSerializer.Serialize(sample, options));
        Assert.Contains("\"orderStatus\":\"Escalated\"", JsonSerializer.Serialize(sample, options), StringComparison.Ordinal);
    }

    private static AnnualTally Tally(IEnumerable<AnnualTally> tallies, string member) => Assert.Single(tallies, t => t.MemberId == member);
}
