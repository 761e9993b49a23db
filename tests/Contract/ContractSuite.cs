using System.Globalization;
using System.Text;
using System.Text.Json;
using Dispatch.Core;
using Dispatch.Core.Api;
using Dispatch.App.Reports;
using Dispatch.Core.Reports;

namespace Dispatch.Contract.Tests;

/// <summary>The HTTP contract, proven on both hosts: every test here runs once against the local host over
/// loopback (Dispatch.Local.Tests' LocalContractSuite) and once against the Azure host's HTTP functions
/// (Dispatch.Functions.Tests' AzureContractSuite), with the same requests and the same assertions. Where the
/// hosts legitimately differ, a test accepts both answers and says why. Every 4xx answer of every request is
/// checked to be problem+json (<see cref="SendAsync"/>).</summary>
public abstract partial class ContractSuite
{
    /// <summary>Bounds of every wait for asynchronous work (the Azure host's orchestrations, the local host's loops).</summary>
    private const int MaxPolls = 300;
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = CoreJson.Options;

    /// <summary>A fresh host with its own storage (its seed, no orders).</summary>
    protected abstract Task<IContractHost> StartAsync();

    // ---- Orders ----

    [Fact]
    public async Task Place_answers_201_with_location_tracking_url_and_token_and_is_idempotent_per_key()
    {
        await using var host = await StartAsync();
        var form = host.Form();
        var first = await SendAsync(host, "POST", Routes.Orders, body: form, headers: Key("form-1"));
        Assert.True(first.Status == 201, first.ToString());
        Assert.StartsWith("application/json", first.ContentType);
        var orderId = first.Json.GetProperty("orderId").GetString()!;
        Assert.Equal(Order(Routes.Order, orderId), first.Header("Location"));
        Assert.StartsWith("/track.html?o=" + orderId, first.Json.GetProperty("trackingUrl").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(first.Json.GetProperty("token").GetString()));
        // The local host offers within the request ("Offered"); the Azure host's orchestration offers after it
        // answers, so it may still be "Placed".
        Assert.Contains(first.Json.GetProperty("status").GetString(), new[] { "Placed", "Offered" });
        Assert.DoesNotContain("runtime/webhooks", first.Text, StringComparison.OrdinalIgnoreCase); // no Durable management URLs

        var again = await SendAsync(host, "POST", Routes.Orders, body: form, headers: Key("form-1"));
        Assert.Equal(200, again.Status);
        Assert.Equal(orderId, again.Json.GetProperty("orderId").GetString());

        var other = await SendAsync(host, "POST", Routes.Orders, body: host.Form(category: "Visit"), headers: Key("form-1"));
        Assert.Equal(422, other.Status);
        Assert.False(other.Json.TryGetProperty("token", out _)); // a key reused for another form gets no link
        Assert.DoesNotContain(orderId, other.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Place_answers_validation_problems_with_errors()
    {
        await using var host = await StartAsync();
        var missing = await SendAsync(host, "POST", Routes.Orders, body: new { kind = "Service" });
        Assert.Equal((400, "validation"), (missing.Status, missing.ProblemType));
        Assert.True(missing.Json.GetProperty("errors").TryGetProperty("phone", out _));
        Assert.Equal(Routes.Orders, missing.Json.GetProperty("instance").GetString());

        var broken = await host.SendAsync("POST", Routes.Orders, jsonBody: "{not json");
        CheckProblem(broken);
        Assert.Equal(400, broken.Status);
        Assert.True(broken.Json.GetProperty("errors").TryGetProperty("body", out _));

        var unknownBuilding = JsonSerializer.SerializeToNode(host.Form(), Json)!;
        unknownBuilding["buildingId"] = "b404";
        var nowhere = await host.SendAsync("POST", Routes.Orders, jsonBody: unknownBuilding.ToJsonString());
        CheckProblem(nowhere);
        Assert.Equal(400, nowhere.Status);
        Assert.True(nowhere.Json.GetProperty("errors").TryGetProperty("buildingId", out _));
    }

    [Fact]
    public async Task The_resident_sees_the_order_with_its_link_only()
    {
        await using var host = await StartAsync();
        var (orderId, resident) = await PlaceAsync(host);
        var (_, otherResident) = await PlaceAsync(host);
        var path = Order(Routes.Order, orderId);

        Assert.Equal(401, (await SendAsync(host, "GET", path)).Status);
        Assert.Equal(401, (await SendAsync(host, "GET", path, "garbage.token")).Status);
        var wrongScope = await SendAsync(host, "GET", path, otherResident);
        Assert.Equal((403, "token-wrongscope"), (wrongScope.Status, wrongScope.ProblemType));
        var view = await SendAsync(host, "GET", path, resident);
        Assert.Equal(200, view.Status);
        Assert.StartsWith("application/json", view.ContentType);
        Assert.Equal(orderId, view.Json.GetProperty("orderId").GetString());
        Assert.False(view.Json.TryGetProperty("resident", out _)); // the resident's view names no contact
        // A member who holds no part in the order is told nothing of it, not even that it exists.
        Assert.Equal((404, "not-found"), Problem(await SendAsync(host, "GET", path, host.MemberToken(host.SpareMemberId))));
    }

    [Fact]
    public async Task Accept_hours_and_confirm_reach_confirmed_and_the_members_record()
    {
        await using var host = await StartAsync();
        var (orderId, resident) = await PlaceAsync(host);
        var memberId = await OfferedToAsync(host, orderId, m => m is not null);
        var member = host.MemberToken(memberId!);

        var inbox = await EventuallyAsync(host, async () =>
        {
            var answer = await SendAsync(host, "GET", Routes.Inbox, member);
            Assert.Equal(200, answer.Status);
            return answer.Json.GetProperty("offers").EnumerateArray().Any(o => o.GetProperty("orderId").GetString() == orderId) ? answer : null;
        });
        Assert.Contains(inbox.Json.GetProperty("offers").EnumerateArray(), o => o.GetProperty("orderId").GetString() == orderId);

        // Refused before anything changes: the resident's link cannot accept, another member does not hold the
        // offer, nobody confirms an undone service, hours out of range.
        Assert.Equal((403, "token-wrongrole"), Problem(await SendAsync(host, "POST", Order(Routes.Accept, orderId), resident)));
        var notHers = host.SpareMemberId == memberId ? host.OtherMemberId : host.SpareMemberId;
        Assert.Equal((403, "not-your-offer"), Problem(await SendAsync(host, "POST", Order(Routes.Accept, orderId), host.MemberToken(notHers))));
        Assert.Equal((409, "not-done-yet"), Problem(await SendAsync(host, "POST", Order(Routes.Confirm, orderId), resident, new ConfirmRequest(5))));
        var tooLong = await SendAsync(host, "POST", Order(Routes.Hours, orderId), member, new HoursRequest(99));
        Assert.Equal(400, tooLong.Status);
        Assert.True(tooLong.Json.GetProperty("errors").TryGetProperty("hours", out _));

        var accepted = Applied(await SendAsync(host, "POST", Order(Routes.Accept, orderId), member));
        if (accepted.Status == 200)
        {
            Assert.Equal("Accepted", accepted.Json.GetProperty("status").GetString());
            Assert.Equal("13812345678", accepted.Json.GetProperty("resident").GetProperty("phone").GetString()); // the assignee sees the contact
        }

        await WaitForStatusAsync(host, orderId, resident, "Accepted");
        Applied(await SendAsync(host, "POST", Order(Routes.Hours, orderId), member, new HoursRequest(1.5m)));
        var done = await WaitForStatusAsync(host, orderId, resident, "Done");
        Assert.True(done.GetProperty("canConfirm").GetBoolean());

        var confirmed = Applied(await SendAsync(host, "POST", Order(Routes.Confirm, orderId), resident, new ConfirmRequest(5)));
        if (confirmed.Status == 200)
        {
            Assert.Equal("Confirmed", confirmed.Json.GetProperty("status").GetString());
        }

        var final = await WaitForStatusAsync(host, orderId, resident, "Confirmed");
        Assert.Equal((memberId, 5), (final.GetProperty("member").GetProperty("memberId").GetString(), final.GetProperty("rating").GetInt32()));

        // The record lands in the member's records (the Azure host writes it in an activity after the answer).
        await EventuallyAsync(host, async () =>
        {
            var records = await SendAsync(host, "GET", Routes.MyRecords, member);
            Assert.Equal(200, records.Status);
            return records.Json.GetProperty("records").EnumerateArray().Any(r => r.GetProperty("orderId").GetString() == orderId) ? records : null;
        });
        var open = await SendAsync(host, "GET", Routes.OrganizerOrders, host.OrganizerToken());
        Assert.DoesNotContain(open.Json.EnumerateArray(), o => o.GetProperty("orderId").GetString() == orderId);
    }

    [Fact]
    public async Task A_decline_offers_the_order_to_another_member()
    {
        await using var host = await StartAsync();
        var (orderId, _) = await PlaceAsync(host);
        var first = await OfferedToAsync(host, orderId, m => m is not null);

        Applied(await SendAsync(host, "POST", Order(Routes.Decline, orderId), host.MemberToken(first!), new ReasonRequest("出差")));

        var second = await OfferedToAsync(host, orderId, m => m is not null && m != first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_wish_on_the_board_goes_to_the_first_member_who_claims_it()
    {
        await using var host = await StartAsync();
        var (wishId, resident) = await PlaceAsync(host, host.Form(kind: "Wish", category: "Visit"));
        await WaitForStatusAsync(host, wishId, resident, "Open");
        var spare = host.MemberToken(host.SpareMemberId);
        await EventuallyAsync(host, async () =>
        {
            var board = await SendAsync(host, "GET", Routes.Board, spare);
            Assert.Equal(200, board.Status);
            return board.Json.EnumerateArray().Any(b => b.GetProperty("orderId").GetString() == wishId) ? board : null;
        });

        var claimed = Applied(await SendAsync(host, "POST", Order(Routes.Claim, wishId), spare));
        if (claimed.Status == 200)
        {
            Assert.Equal(("Accepted", "assigned"), (claimed.Json.GetProperty("status").GetString(), claimed.Json.GetProperty("yourRole").GetString()));
        }

        await WaitForStatusAsync(host, wishId, resident, "Accepted");
        Assert.Equal((409, "already-taken"), Problem(await SendAsync(host, "POST", Order(Routes.Claim, wishId), host.MemberToken(host.OtherMemberId))));
        var after = await SendAsync(host, "GET", Routes.Board, host.MemberToken(host.OtherMemberId));
        Assert.DoesNotContain(after.Json.EnumerateArray(), b => b.GetProperty("orderId").GetString() == wishId);
    }

    [Fact]
    public async Task A_resident_cancels_with_a_reason_and_a_closed_order_answers_409()
    {
        await using var host = await StartAsync();
        var (orderId, resident) = await PlaceAsync(host);
        await OfferedToAsync(host, orderId, m => m is not null);

        var cancelled = Applied(await SendAsync(host, "POST", Order(Routes.Cancel, orderId), resident, new ReasonRequest("已解决")));
        if (cancelled.Status == 200)
        {
            Assert.Equal("Cancelled", cancelled.Json.GetProperty("status").GetString());
        }

        await WaitForStatusAsync(host, orderId, resident, "Cancelled");
        Assert.Equal((409, "closed"), Problem(await SendAsync(host, "POST", Order(Routes.Cancel, orderId), resident)));
    }

    [Fact]
    public async Task An_organizer_dispatches_by_hand_and_the_member_accepts()
    {
        await using var host = await StartAsync();
        var (orderId, resident) = await PlaceAsync(host);
        var first = await OfferedToAsync(host, orderId, m => m is not null);
        var pick = first == host.SpareMemberId ? host.OtherMemberId : host.SpareMemberId;

        Assert.Equal((403, "token-wrongrole"), Problem(await SendAsync(host, "POST", Order(Routes.Dispatch, orderId), host.MemberToken(pick), new DispatchRequest(pick))));
        Applied(await SendAsync(host, "POST", Order(Routes.Dispatch, orderId), host.OrganizerToken(), new DispatchRequest(pick)));
        await OfferedToAsync(host, orderId, m => m == pick);

        Applied(await SendAsync(host, "POST", Order(Routes.Accept, orderId), host.MemberToken(pick)));
        var accepted = await WaitForStatusAsync(host, orderId, resident, "Accepted");
        Assert.Equal(pick, accepted.GetProperty("member").GetProperty("memberId").GetString());
    }

    // ---- Organizer ----

    [Fact]
    public async Task Organizer_lists_need_an_organizer_link()
    {
        await using var host = await StartAsync();
        var (orderId, _) = await PlaceAsync(host);
        var organizer = host.OrganizerToken();
        var member = host.MemberToken(host.SpareMemberId);
        foreach (var list in new[] { Routes.OrganizerOrders, Routes.OrganizerMembers, Routes.OrganizerNotices, Routes.DeadLetters })
        {
            Assert.Equal((403, "token-wrongrole"), Problem(await SendAsync(host, "GET", list, member)));
            Assert.Equal(401, (await SendAsync(host, "GET", list)).Status);
            if (list == Routes.DeadLetters)
            {
                // Where dead letters live is each host's own (the local host's poison queue, the Azure host's
                // Service Bus dead-letter queue, which no emulator serves these tests): each host's DeadLetterTests.
                continue;
            }

            var answer = await SendAsync(host, "GET", list, organizer);
            Assert.True(answer.Status == 200, $"{list}: {answer}");
            Assert.StartsWith("application/json", answer.ContentType);
        }

        var orders = await SendAsync(host, "GET", Routes.OrganizerOrders, organizer);
        Assert.Contains(orders.Json.EnumerateArray(), o => o.GetProperty("orderId").GetString() == orderId);
        var members = await SendAsync(host, "GET", Routes.OrganizerMembers, organizer);
        Assert.Contains(members.Json.EnumerateArray(), m => m.GetProperty("memberId").GetString() == host.SpareMemberId);
        Assert.Equal((400, "validation"), Problem(await SendAsync(host, "GET", Routes.OrganizerOrders + "?status=Nope", organizer)));

        var communities = await SendAsync(host, "GET", Routes.Communities); // the form's lists: no link
        Assert.Equal(200, communities.Status);
        Assert.Contains(communities.Json.EnumerateArray(), c => c.GetProperty("communityId").GetString() == host.CommunityId);
    }

    // ---- Posts, tallies, the assessment year, exports, proofs ----

    [Fact]
    public async Task A_post_is_created_claimed_once_and_its_shift_credited_once()
    {
        await using var host = await StartAsync();
        var organizer = host.OrganizerToken();
        var member = host.MemberToken(host.SpareMemberId);

        Assert.Equal((403, "token-wrongrole"), Problem(await SendAsync(host, "POST", PostRoutes.Posts, member, Post(host))));
        var bad = await SendAsync(host, "POST", PostRoutes.Posts, organizer, Post(host) with { Capacity = 501, TitleZh = "" });
        Assert.Equal(400, bad.Status);
        Assert.Equal(["capacity", "titleZh"], bad.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(404, (await SendAsync(host, "POST", PostRoutes.ClaimOf("pnope"), member)).Status);

        var created = await SendAsync(host, "POST", PostRoutes.Posts, organizer, Post(host));
        Assert.Equal(201, created.Status);
        var postId = created.Json.GetProperty("postId").GetString()!;
        Assert.Equal($"{PostRoutes.Posts}/{postId}", created.Header("Location"));
        Assert.Equal((5, 0), (created.Json.GetProperty("capacity").GetInt32(), created.Json.GetProperty("taken").GetInt32()));

        var claim = await SendAsync(host, "POST", PostRoutes.ClaimOf(postId), member);
        Assert.Equal(201, claim.Status);
        Assert.InRange(claim.Json.GetProperty("place").GetInt32(), 1, 5);
        Assert.Equal((409, "already-claimed"), Problem(await SendAsync(host, "POST", PostRoutes.ClaimOf(postId), member)));
        var seen = Assert.Single((await SendAsync(host, "GET", PostRoutes.Posts, member)).Json.EnumerateArray(), p => p.GetProperty("postId").GetString() == postId);
        Assert.Equal((1, true), (seen.GetProperty("taken").GetInt32(), seen.GetProperty("claimedByMe").GetBoolean()));

        var shift = new ShiftRequest(host.SpareMemberId, host.Today, 2m);
        Assert.Equal(201, (await SendAsync(host, "POST", PostRoutes.ShiftsOf(postId), organizer, shift)).Status);
        var repeat = await SendAsync(host, "POST", PostRoutes.ShiftsOf(postId), organizer, shift);
        Assert.Equal(200, repeat.Status);
        Assert.False(repeat.Json.GetProperty("credited").GetBoolean());
        Assert.Equal((409, "not-claimed"), Problem(await SendAsync(host, "POST", PostRoutes.ShiftsOf(postId), organizer, shift with { MemberId = host.OtherMemberId })));
        Assert.Equal((403, "token-wrongrole"), Problem(await SendAsync(host, "POST", PostRoutes.ShiftsOf(postId), member, shift)));

        // The member sees the shift credited to them on the post they claimed, once; nobody else sees it there.
        var only = Assert.Single(PostOf(await SendAsync(host, "GET", PostRoutes.Posts, member), postId).GetProperty("myShifts").EnumerateArray());
        Assert.Equal((host.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 2m), (only.GetProperty("date").GetString(), only.GetProperty("hours").GetDecimal()));
        foreach (var other in new[] { host.MemberToken(host.OtherMemberId), organizer })
        {
            Assert.False(PostOf(await SendAsync(host, "GET", PostRoutes.Posts, other), postId).TryGetProperty("myShifts", out var none) && none.ValueKind != JsonValueKind.Null);
        }
    }

    private static JsonElement PostOf(ContractAnswer list, string postId) =>
        Assert.Single(list.Json.EnumerateArray(), p => p.GetProperty("postId").GetString() == postId);

    [Fact]
    public async Task Tallies_and_my_tally_count_a_served_shift()
    {
        await using var host = await StartAsync();
        var before = await MyTallyAsync(host);
        await ServeShiftAsync(host, 2m);

        var year = host.Today.Year;
        var report = await SendAsync(host, "GET", PostRoutes.Tallies + "?year=" + year, host.OrganizerToken());
        Assert.Equal(200, report.Status);
        var tally = Assert.Single(report.Json.GetProperty("tallies").EnumerateArray(), t => t.GetProperty("memberId").GetString() == host.SpareMemberId);
        Assert.Equal(before.GetProperty("hours").GetDecimal() + 2m, tally.GetProperty("hours").GetDecimal());
        var mine = await MyTallyAsync(host);
        Assert.Equal(year, mine.GetProperty("year").GetInt32());
        Assert.Equal(before.GetProperty("hours").GetDecimal() + 2m, mine.GetProperty("hours").GetDecimal());
        Assert.Equal(before.GetProperty("posts").GetInt32() + 1, mine.GetProperty("posts").GetInt32());

        Assert.Equal((403, "token-wrongrole"), Problem(await SendAsync(host, "GET", PostRoutes.Tallies, host.MemberToken(host.SpareMemberId))));
        Assert.Equal((400, "validation"), Problem(await SendAsync(host, "GET", PostRoutes.Tallies + "?year=1999", host.OrganizerToken())));
        Assert.Equal(401, (await SendAsync(host, "GET", PostRoutes.MyTally)).Status);
    }

    [Fact]
    public async Task A_year_is_frozen_once_when_it_is_over_and_its_assessment_read()
    {
        await using var host = await StartAsync();
        var organizer = host.OrganizerToken();
        var current = host.Today.Year;
        var last = current - 1;

        Assert.Equal((409, "year-not-over"), Problem(await SendAsync(host, "POST", PostRoutes.FreezeOf(current), organizer)));
        Assert.Equal(404, (await SendAsync(host, "GET", PostRoutes.AssessmentOf(last), organizer)).Status);
        Assert.Equal((403, "token-wrongrole"), Problem(await SendAsync(host, "POST", PostRoutes.FreezeOf(last), host.MemberToken(host.SpareMemberId))));
        Assert.Equal((400, "validation"), Problem(await SendAsync(host, "POST", "/api/assessments/99/freeze", organizer)));

        var frozen = await SendAsync(host, "POST", PostRoutes.FreezeOf(last), organizer);
        Assert.Equal((201, PostRoutes.AssessmentOf(last)), (frozen.Status, frozen.Header("Location")));
        var snapshotId = frozen.Json.GetProperty("snapshot").GetProperty("snapshotId").GetString();
        Assert.Equal(200, (await SendAsync(host, "POST", PostRoutes.FreezeOf(last), organizer)).Status);
        var assessment = await SendAsync(host, "GET", PostRoutes.AssessmentOf(last), organizer);
        Assert.Equal(200, assessment.Status);
        Assert.Equal((last, snapshotId), (assessment.Json.GetProperty("snapshot").GetProperty("year").GetInt32(),
            assessment.Json.GetProperty("snapshot").GetProperty("snapshotId").GetString()));
    }

    [Fact]
    public async Task Exports_answer_csv_xlsx_and_the_monthly_trend_to_organizers_only()
    {
        await using var host = await StartAsync();
        await ServeShiftAsync(host, 2m);
        var organizer = host.OrganizerToken();
        var year = host.Today.Year;

        var csv = await SendAsync(host, "GET", ReportRoutes.TalliesCsv + "?year=" + year, organizer);
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.ContentType);
        Assert.Contains("filename*=UTF-8''", csv.Header("Content-Disposition"), StringComparison.Ordinal);
        Assert.Equal("no-store", csv.Header("Cache-Control"));
        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Bytes.Take(3));
        var lines = Encoding.UTF8.GetString(csv.Bytes, 3, csv.Bytes.Length - 3).Split("\r\n");
        Assert.StartsWith("党员编号,党员,网格,楼栋,服务时长(小时)", lines[0], StringComparison.Ordinal);
        Assert.Single(lines, l => l.StartsWith(host.SpareMemberId + ",", StringComparison.Ordinal));

        var xlsx = await SendAsync(host, "GET", ReportRoutes.TalliesXlsx + "?year=" + year + "&level=member&lang=zh", organizer);
        Assert.Equal((200, XlsxExport.ContentType), (xlsx.Status, xlsx.ContentType));
        Assert.Equal("PK"u8.ToArray(), xlsx.Bytes.Take(2)); // a zip, as every .xlsx

        var months = await SendAsync(host, "GET", ReportRoutes.Months + "?year=" + year, organizer);
        Assert.Equal(200, months.Status);
        Assert.Equal(12, months.Json.GetProperty("months").GetArrayLength());

        var options = await SendAsync(host, "GET", ReportRoutes.TalliesCsv + "?level=building&lang=fr&year=1999", organizer);
        Assert.Equal((400, "validation"), Problem(options));
        Assert.Equal(["lang", "level", "year"], options.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        foreach (var export in new[] { ReportRoutes.TalliesCsv, ReportRoutes.TalliesXlsx, ReportRoutes.Months })
        {
            Assert.Equal((403, "token-wrongrole"), Problem(await SendAsync(host, "GET", export, host.MemberToken(host.SpareMemberId))));
            Assert.Equal(401, (await SendAsync(host, "GET", export)).Status);
        }
    }

    [Fact]
    public async Task A_proof_is_issued_to_a_member_and_verified_by_anyone()
    {
        await using var host = await StartAsync();
        var member = host.MemberToken(host.SpareMemberId);
        var year = host.Today.Year;
        Assert.Equal((403, "token-wrongrole"), Problem(await SendAsync(host, "POST", ReportRoutes.MyProofs, host.OrganizerToken(), new IssueProofRequest(year))));
        await ServeShiftAsync(host, 2m);

        var issued = await SendAsync(host, "POST", ReportRoutes.MyProofs, member, new IssueProofRequest(year));
        Assert.Equal(201, issued.Status);
        var number = issued.Json.GetProperty("number").GetString()!;
        Assert.Matches($"^ZM-{year}-[0-9A-HJKMNP-TV-Z]{{10}}$", number);
        var verifyUrl = issued.Json.GetProperty("verifyUrl").GetString()!;
        Assert.EndsWith("/verify.html?n=" + number, verifyUrl, StringComparison.Ordinal);
        // The printed proof carries the same address as a QR code (SVG), the registration poster's kind.
        Assert.StartsWith("<svg", issued.Json.GetProperty("verifyQrSvg").GetString(), StringComparison.Ordinal);
        Assert.Equal(Dispatch.App.SignedLinks.QrCodes.Svg(verifyUrl), issued.Json.GetProperty("verifyQrSvg").GetString());
        var mine = await SendAsync(host, "GET", ReportRoutes.MyProofOf(number), member);
        Assert.Equal((200, verifyUrl), (mine.Status, mine.Json.GetProperty("verifyUrl").GetString()));
        Assert.Equal(Dispatch.App.SignedLinks.QrCodes.Svg(verifyUrl), mine.Json.GetProperty("verifyQrSvg").GetString());
        Assert.Equal(404, (await SendAsync(host, "GET", ReportRoutes.MyProofOf(number), host.MemberToken(host.OtherMemberId))).Status);

        var verified = await SendAsync(host, "GET", ReportRoutes.ProofOf(number.ToLowerInvariant())); // no link, any case
        Assert.Equal((200, "no-store", "noindex"), (verified.Status, verified.Header("Cache-Control"), verified.Header("X-Robots-Tag")));
        Assert.Equal((number, true, year), (verified.Json.GetProperty("number").GetString(), verified.Json.GetProperty("valid").GetBoolean(),
            verified.Json.GetProperty("year").GetInt32()));
        foreach (var unknown in new[] { $"ZM-{year}-0000000000", "ZM-2026-XYZ", "nothing" })
        {
            Assert.Equal((404, "not-found"), Problem(await SendAsync(host, "GET", ReportRoutes.ProofOf(unknown))));
        }
    }

    // ---- The host ----

    [Fact]
    public async Task Health_answers_200_ok()
    {
        await using var host = await StartAsync();
        Assert.Equal("{\"status\":\"ok\"}", (await JsonOkAsync(host, ApiContract.Health)).Text);
    }

    [Fact]
    public async Task The_openapi_document_is_3_1_and_holds_every_route_of_the_contract()
    {
        await using var host = await StartAsync();
        var document = await JsonOkAsync(host, ApiContract.OpenApiDocument);
        Assert.StartsWith("3.1", document.Json.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.Json.GetProperty("paths");
        // Every route but the document's own address, which it does not describe.
        Assert.All(ApiContract.All.Where(r => r.Template != ApiContract.OpenApiDocument), route => Assert.True(
            paths.TryGetProperty(route.Template, out var item) && item.TryGetProperty(route.Method.ToLowerInvariant(), out _), route.ToString()));
    }

    [Fact]
    public async Task Routes_answer_401_without_a_link_and_403_with_the_wrong_role()
    {
        await using var host = await StartAsync();
        var (orderId, resident) = await PlaceAsync(host);
        var member = host.MemberToken(host.SpareMemberId);
        (string Method, string Path)[] memberRoutes =
            [("GET", Routes.Inbox), ("GET", Routes.MyRecords), ("GET", Routes.Board), ("GET", PostRoutes.MyTally), ("POST", ReportRoutes.MyProofs)];
        foreach (var (method, path) in memberRoutes)
        {
            Assert.Equal(401, (await SendAsync(host, method, path)).Status);
            Assert.Equal(401, (await SendAsync(host, method, path, "garbage.token")).Status);
            Assert.Equal((403, "token-wrongrole"), Problem(await SendAsync(host, method, path, resident)));
        }

        (string Method, string Path)[] organizerRoutes =
            [("GET", Routes.OrganizerOrders), ("POST", PostRoutes.Posts), ("GET", PostRoutes.Tallies), ("POST", PostRoutes.FreezeOf(2025)),
             ("GET", PostRoutes.AssessmentOf(2025)), ("POST", Routes.ResubmitDeadLetter.Replace("{id}", "nope", StringComparison.Ordinal))];
        foreach (var (method, path) in organizerRoutes)
        {
            Assert.Equal(401, (await SendAsync(host, method, path)).Status);
            Assert.Equal((403, "token-wrongrole"), Problem(await SendAsync(host, method, path, member)));
        }

        Assert.Equal(401, (await SendAsync(host, "POST", Order(Routes.Accept, orderId))).Status);
        Assert.Equal(401, (await SendAsync(host, "POST", Order(Routes.Cancel, orderId))).Status);
    }

    // ---- Helpers ----

    /// <summary>Sends <paramref name="body"/> as JSON (the core's options, as the pages send it) and checks what
    /// the contract says of every refusal: a 4xx is application/problem+json with a type and a status.</summary>
    protected static async Task<ContractAnswer> SendAsync(IContractHost host, string method, string path, string? token = null, object? body = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var json = body is null ? (method == "POST" ? "{}" : null) : JsonSerializer.Serialize(body, body.GetType(), Json);
        var answer = await host.SendAsync(method, path, token, json, headers);
        CheckProblem(answer);
        return answer;
    }

    private static void CheckProblem(ContractAnswer answer)
    {
        if (answer.Status is >= 400 and < 500)
        {
            Assert.True(answer.ContentType.StartsWith("application/problem+json", StringComparison.Ordinal), answer.ToString());
            Assert.Equal(answer.Status, answer.Json.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(answer.Json.GetProperty("type").GetString()));
        }
    }

    /// <summary>GET without a link, answered 200 with JSON.</summary>
    private static async Task<ContractAnswer> JsonOkAsync(IContractHost host, string path)
    {
        var answer = await SendAsync(host, "GET", path);
        Assert.Equal(200, answer.Status);
        Assert.StartsWith("application/json", answer.ContentType);
        return answer;
    }

    private static (int Status, string Type) Problem(ContractAnswer answer) => (answer.Status, answer.ProblemType);

    /// <summary>An event was taken: 200 with the new view on both hosts, or on the Azure host 202 when its
    /// orchestration had not applied the event within the function's wait (the event stays queued; the client
    /// polls the order, as the pages do). The local host applies every event within the request.</summary>
    private static ContractAnswer Applied(ContractAnswer answer)
    {
        Assert.True(answer.Status is 200 or 202, answer.ToString());
        return answer;
    }

    private static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    private static string Order(string route, string orderId) => route.Replace("{orderId}", orderId, StringComparison.Ordinal);

    protected static async Task<(string OrderId, string Token)> PlaceAsync(IContractHost host, object? form = null)
    {
        var placed = await SendAsync(host, "POST", Routes.Orders, body: form ?? host.Form());
        Assert.True(placed.Status == 201, placed.ToString());
        return (placed.Json.GetProperty("orderId").GetString()!, placed.Json.GetProperty("token").GetString()!);
    }

    /// <summary>Polls GET /api/orders/{id} with the resident's link until the order has <paramref name="status"/>.</summary>
    private static async Task<JsonElement> WaitForStatusAsync(IContractHost host, string orderId, string resident, string status)
    {
        var view = await EventuallyAsync(host, async () =>
        {
            var answer = await SendAsync(host, "GET", Order(Routes.Order, orderId), resident);
            Assert.Equal(200, answer.Status);
            return answer.Json.GetProperty("status").GetString() == status ? answer : null;
        }, $"order {orderId} to reach {status}");
        return view.Json;
    }

    /// <summary>Polls the organizer's open list until the order's offer holder satisfies <paramref name="until"/>.</summary>
    private static async Task<string?> OfferedToAsync(IContractHost host, string orderId, Func<string?, bool> until)
    {
        var answer = await EventuallyAsync(host, async () =>
        {
            var list = await SendAsync(host, "GET", Routes.OrganizerOrders, host.OrganizerToken());
            Assert.Equal(200, list.Status);
            var order = list.Json.EnumerateArray().FirstOrDefault(o => o.GetProperty("orderId").GetString() == orderId);
            return order.ValueKind == JsonValueKind.Object && until(OfferedTo(order)) ? list : null;
        }, $"order {orderId}'s offer");
        return OfferedTo(answer.Json.EnumerateArray().First(o => o.GetProperty("orderId").GetString() == orderId));

        static string? OfferedTo(JsonElement order) =>
            order.TryGetProperty("offeredTo", out var to) && to.ValueKind == JsonValueKind.String ? to.GetString() : null;
    }

    /// <summary>Runs <paramref name="attempt"/> until it returns an answer, letting the host settle between tries;
    /// bounded in count and time.</summary>
    private static async Task<ContractAnswer> EventuallyAsync(IContractHost host, Func<Task<ContractAnswer?>> attempt, string? what = null)
    {
        var deadline = DateTime.UtcNow + MaxWait;
        for (var i = 0; i < MaxPolls && DateTime.UtcNow < deadline; i++)
        {
            if (await attempt() is { } done)
            {
                return done;
            }

            await host.SettleAsync();
            await Task.Delay(100);
        }

        throw new TimeoutException($"Waited in vain for {what ?? "the host"}.");
    }

    private static CreatePostRequest Post(IContractHost host) =>
        new("路口文明劝导岗", "周末早高峰", 5, host.Today.AddDays(-3), host.Today.AddDays(30));

    /// <summary>A post claimed by the spare member and a shift of <paramref name="hours"/> recorded today.</summary>
    private static async Task ServeShiftAsync(IContractHost host, decimal hours)
    {
        var post = await SendAsync(host, "POST", PostRoutes.Posts, host.OrganizerToken(), Post(host));
        Assert.Equal(201, post.Status);
        var postId = post.Json.GetProperty("postId").GetString()!;
        Assert.Equal(201, (await SendAsync(host, "POST", PostRoutes.ClaimOf(postId), host.MemberToken(host.SpareMemberId))).Status);
        var shift = await SendAsync(host, "POST", PostRoutes.ShiftsOf(postId), host.OrganizerToken(), new ShiftRequest(host.SpareMemberId, host.Today, hours));
        Assert.Equal(201, shift.Status);
    }

    private static async Task<JsonElement> MyTallyAsync(IContractHost host)
    {
        var mine = await SendAsync(host, "GET", PostRoutes.MyTally, host.MemberToken(host.SpareMemberId));
        Assert.Equal(200, mine.Status);
        return mine.Json;
    }
}
