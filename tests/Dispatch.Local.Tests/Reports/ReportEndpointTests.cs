using System.Net;
using System.Text;
using System.Text.Json;
using Dispatch.Core.Api;
using Dispatch.Core.Assessment;
using Dispatch.Core.Reports;
using Dispatch.Local.Demo;
using Dispatch.App.Reports;
using Dispatch.Local.Tests.Posts;
using Dispatch.Testing;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace Dispatch.Local.Tests.Reports;

/// <summary>Exports, the monthly trend and service-hours proofs over real HTTP on loopback, on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public class ReportEndpointTests(AzuriteFixture azurite)
{
    /// <summary>A resident's order offered, accepted, served for <paramref name="hours"/> and confirmed; returns the member.</summary>
    internal static async Task<string> ServeAsync(LocalHostFixture host, decimal hours = 2.5m)
    {
        var placed = await host.PlaceAsync();
        var memberId = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        var member = host.MemberToken(memberId);
        await host.RunLoopsAsync();
        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, placed.OrderId), member);
        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Hours, placed.OrderId), member, new HoursRequest(hours));
        await host.CallAsync<ResidentOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Confirm, placed.OrderId), placed.Token, new ConfirmRequest(5));
        return memberId;
    }

    private static string NameOf(string memberId) => DemoData.Members().Single(m => m.MemberId == memberId).Name;

    private static async Task<string> ProblemTypeAsync(HttpResponseMessage response) => await PostEndpointTests.ProblemTypeAsync(response);

    [Fact]
    public async Task After_confirmed_services_the_csv_and_xlsx_exports_carry_the_members_hours_and_never_a_phone()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var memberId = await ServeAsync(host, 2.5m);
        var name = NameOf(memberId);
        var organizer = host.OrganizerToken();

        using var csv = await host.SendAsync(HttpMethod.Get, ReportRoutes.TalliesCsv + "?year=2026", organizer);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("湖滨社区-2026-党员服务统计.csv", csv.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("hubin-2026-member-service-hours.csv", csv.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal("党员编号,党员,网格,楼栋,服务时长(小时),服务次数,认领心愿,认领岗位,平均评价,积分,是否完成年度任务", lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith(memberId + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal((name, "2.5", "1", "5", "否"), (row[1], row[4], row[5], row[8], row[10]));
        Assert.StartsWith("合计,48,,,2.5,1,", lines[^2], StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.All(DemoData.Members(), m => Assert.DoesNotContain(m.Phone, text, StringComparison.Ordinal));
        Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal); // nor the resident's

        using var english = await host.SendAsync(HttpMethod.Get, ReportRoutes.TalliesCsv + "?year=2026&level=grid&lang=en", organizer);
        var englishText = await english.Content.ReadAsStringAsync();
        Assert.StartsWith("Grid,Members,Service hours,", englishText.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.EndsWith(".csv", english.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);

        using var xlsx = await host.SendAsync(HttpMethod.Get, ReportRoutes.TalliesXlsx + "?year=2026&level=member&lang=zh", organizer);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(XlsxExport.ContentType, xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("湖滨社区-2026-党员服务统计.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = book.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["党员编号", "党员", "网格", "楼栋", "服务时长(小时)"], rows[0].Values.Take(5).Select(v => (string)v!));
        var cells = Assert.Single(rows, r => (r["A"] as string) == memberId);
        Assert.Equal((name, 2.5, 1.0, "否"), ((string)cells["B"]!, Convert.ToDouble(cells["E"]), Convert.ToDouble(cells["F"]), (string)cells["K"]!));
        Assert.Equal("合计", rows[^1]["A"]);
        Assert.Equal(2.5, Convert.ToDouble(rows[^1]["E"]));

        using var community = await host.SendAsync(HttpMethod.Get, ReportRoutes.TalliesXlsx + "?level=community&lang=en", organizer);
        using var communityBook = new MemoryStream(await community.Content.ReadAsByteArrayAsync());
        var communityRows = communityBook.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(("Hubin Community", 48.0, 2.5), ((string)communityRows[0]["Community"]!, Convert.ToDouble(communityRows[0]["Members"]), Convert.ToDouble(communityRows[0]["Service hours"])));
    }

    [Fact]
    public async Task Only_an_organizer_exports_and_bad_options_are_named()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var member = host.MemberToken(PostEndpointTests.ActiveMembers(1)[0]);
        foreach (var route in new[] { ReportRoutes.TalliesCsv, ReportRoutes.TalliesXlsx, ReportRoutes.Months })
        {
            using var asMember = await host.SendAsync(HttpMethod.Get, route, member);
            Assert.Equal((HttpStatusCode.Forbidden, "token-wrongrole"), (asMember.StatusCode, await ProblemTypeAsync(asMember)));
            using var anonymous = await host.Http.GetAsync(route);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using var bad = await host.SendAsync(HttpMethod.Get, ReportRoutes.TalliesCsv + "?level=building&lang=fr&year=1999", host.OrganizerToken());
        Assert.Equal((HttpStatusCode.BadRequest, "validation"), (bad.StatusCode, await ProblemTypeAsync(bad)));
        using var body = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Equal(["lang", "level", "year"], body.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task The_monthly_trend_puts_the_hours_in_the_China_month_they_were_served()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await ServeAsync(host, 2.5m);
        var trend = await host.CallAsync<MonthlyTrend>(HttpMethod.Get, ReportRoutes.Months + "?year=2026", host.OrganizerToken());
        Assert.Equal(12, trend.Months.Count);
        Assert.Equal((5, 1), (trend.Months[10].HalfHours, trend.Months[10].Services)); // November
        Assert.Equal(5, trend.Months.Sum(m => m.HalfHours));
    }

    [Fact]
    public async Task A_member_issues_a_proof_that_anyone_can_verify_and_an_unknown_number_is_404()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var memberId = await ServeAsync(host, 3m);
        var member = host.MemberToken(memberId);

        var issued = await host.CallAsync<MemberProofView>(HttpMethod.Post, ReportRoutes.MyProofs, member, new IssueProofRequest(2026));
        Assert.Matches("^ZM-2026-[0-9A-HJKMNP-TV-Z]{10}$", issued.Number);
        Assert.Equal((NameOf(memberId), "湖滨社区", 2026, 3m, 1, false), (issued.MemberName, issued.CommunityNameZh, issued.Year, issued.Hours, issued.Services, issued.FromAssessment));
        Assert.NotNull(issued.GridNameZh);
        Assert.Equal("http://127.0.0.1/verify.html?n=" + issued.Number, issued.VerifyUrl);

        // Anyone, without a token, in any case.
        using var verify = await host.Http.GetAsync(ReportRoutes.ProofOf(issued.Number.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        var json = await verify.Content.ReadAsStringAsync();
        var view = JsonSerializer.Deserialize<ProofVerification>(json, Core.CoreJson.Options)!;
        Assert.Equal(new ProofVerification(issued.Number, true, NameOf(memberId), "湖滨社区", "Hubin Community", 2026, 3m, issued.IssuedAt), view);
        Assert.DoesNotContain(memberId, json, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.Members().Single(m => m.MemberId == memberId).Phone, json, StringComparison.Ordinal);

        // Issued once, immutable: more hours later make a new proof, the old one still says 3.
        await host.CallAsync<MemberProofView>(HttpMethod.Get, ReportRoutes.MyProofOf(issued.Number), member);
        foreach (var unknown in new[] { "ZM-2026-0000000000", "ZM-2026-XYZ", "nothing" })
        {
            using var missing = await host.Http.GetAsync(ReportRoutes.ProofOf(unknown));
            Assert.Equal((HttpStatusCode.NotFound, "not-found"), (missing.StatusCode, await ProblemTypeAsync(missing)));
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        }

        // Someone else's proof is not theirs to open as a member.
        var other = host.MemberToken(PostEndpointTests.ActiveMembers(5).First(m => m != memberId));
        using var notMine = await host.SendAsync(HttpMethod.Get, ReportRoutes.MyProofOf(issued.Number), other);
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
    }

    [Fact]
    public async Task Residents_and_organizers_cannot_issue_proofs_and_a_year_without_hours_gets_none()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        using var asResident = await host.SendAsync(HttpMethod.Post, ReportRoutes.MyProofs, placed.Token, new IssueProofRequest(2026));
        Assert.Equal((HttpStatusCode.Forbidden, "token-wrongrole"), (asResident.StatusCode, await ProblemTypeAsync(asResident)));
        using var asOrganizer = await host.SendAsync(HttpMethod.Post, ReportRoutes.MyProofs, host.OrganizerToken(), new IssueProofRequest(2026));
        Assert.Equal(HttpStatusCode.Forbidden, asOrganizer.StatusCode);

        var idle = host.MemberToken(PostEndpointTests.ActiveMembers(1)[0]);
        using var none = await host.SendAsync(HttpMethod.Post, ReportRoutes.MyProofs, idle);
        Assert.Equal((HttpStatusCode.Conflict, "no-hours"), (none.StatusCode, await ProblemTypeAsync(none)));
        using var future = await host.SendAsync(HttpMethod.Post, ReportRoutes.MyProofs, idle, new IssueProofRequest(2027));
        Assert.Equal((HttpStatusCode.BadRequest, "validation"), (future.StatusCode, await ProblemTypeAsync(future)));
    }

    [Fact]
    public async Task A_proof_of_a_frozen_year_takes_the_frozen_figures_and_ignores_late_shifts()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, clock: new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.FromHours(8))));
        var organizer = host.OrganizerToken();
        var post = await host.CallAsync<PostView>(HttpMethod.Post, PostRoutes.Posts, organizer,
            PostEndpointTests.Crossing with { StartsOn = new DateOnly(2026, 12, 1), EndsOn = new DateOnly(2027, 1, 31) });
        var zhang = PostEndpointTests.ActiveMembers(1)[0];
        await host.CallAsync<PostClaimResponse>(HttpMethod.Post, PostRoutes.ClaimOf(post.PostId), host.MemberToken(zhang));
        await host.CallAsync<ShiftResponse>(HttpMethod.Post, PostRoutes.ShiftsOf(post.PostId), organizer, new ShiftRequest(zhang, new DateOnly(2026, 12, 30), 3m));

        await host.AdvanceAsync(TimeSpan.FromMinutes(31)); // midnight in China: 2026 freezes
        var frozen = await host.CallAsync<AssessmentView>(HttpMethod.Get, PostRoutes.AssessmentOf(2026), organizer);
        await host.CallAsync<ShiftResponse>(HttpMethod.Post, PostRoutes.ShiftsOf(post.PostId), organizer, new ShiftRequest(zhang, new DateOnly(2026, 12, 31), 2m));

        var proof = await host.CallAsync<MemberProofView>(HttpMethod.Post, ReportRoutes.MyProofs, host.MemberToken(zhang), new IssueProofRequest(2026));
        Assert.Equal((2026, 3m, true), (proof.Year, proof.Hours, proof.FromAssessment));
        Assert.Equal(3m, frozen.Snapshot.Tallies.Single(t => t.MemberId == zhang).Hours);
        var verified = await host.CallAsync<ProofVerification>(HttpMethod.Get, ReportRoutes.ProofOf(proof.Number), "");
        Assert.Equal(3m, verified.Hours);
    }
}
