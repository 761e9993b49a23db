using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.Core.Api;

namespace Dispatch.Contract.Tests;

/// <summary>The organizer desk on both hosts: readable references, reasons on the timeline, names instead of ids.</summary>
public abstract partial class ContractSuite
{
    private static readonly Regex ReferenceShape = new(@"^[A-Z0-9]{1,4}-\d{8}-\d{4}$", RegexOptions.CultureInvariant);

    [Fact]
    public async Task Twenty_orders_placed_at_once_get_twenty_different_references_and_a_retry_keeps_its_number()
    {
        await using var host = await StartAsync();
        var keys = Enumerable.Range(1, 20).Select(i => $"ref-{i}").ToArray();
        var placed = await Task.WhenAll(keys.Select(k => SendAsync(host, "POST", Routes.Orders, body: host.Form(), headers: Key(k))));
        Assert.All(placed, p => Assert.Equal(201, p.Status));
        var references = placed.Select(p => p.Json.GetProperty("reference").GetString()!).ToArray();
        Assert.All(references, r => Assert.Matches(ReferenceShape, r));
        Assert.All(references, r => Assert.Contains($"-{host.Today:yyyyMMdd}-", r, StringComparison.Ordinal));
        Assert.Equal(20, references.Distinct(StringComparer.Ordinal).Count());

        // A retried place (same key) answers the first order with its first number, and burns none.
        var again = await Task.WhenAll(keys.Take(3).Select(k => SendAsync(host, "POST", Routes.Orders, body: host.Form(), headers: Key(k))));
        Assert.Equal(references.Take(3), again.Select(a => a.Json.GetProperty("reference").GetString()));
        var next = await SendAsync(host, "POST", Routes.Orders, body: host.Form(), headers: Key("ref-21"));
        var numbers = references.Append(next.Json.GetProperty("reference").GetString()!).Select(r => int.Parse(r[^4..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.Equal(Enumerable.Range(numbers[0], 21), numbers);

        // The reference is on the tracking view and the desk's list.
        var orderId = placed[0].Json.GetProperty("orderId").GetString()!;
        var view = await SendAsync(host, "GET", Order(Routes.Order, orderId), placed[0].Json.GetProperty("token").GetString());
        Assert.Equal(references[0], view.Json.GetProperty("reference").GetString());
        var desk = await EventuallyAsync(host, async () =>
        {
            var list = await SendAsync(host, "GET", Routes.OrganizerOrders, host.OrganizerToken());
            return list.Json.EnumerateArray().Any(o => o.GetProperty("orderId").GetString() == orderId) ? list : null;
        });
        Assert.Equal(references[0], desk.Json.EnumerateArray().First(o => o.GetProperty("orderId").GetString() == orderId).GetProperty("reference").GetString());
    }

    [Fact]
    public async Task Organizers_read_who_declined_and_why_and_the_resident_does_not()
    {
        await using var host = await StartAsync();
        var (orderId, resident) = await PlaceAsync(host);
        var first = await OfferedToAsync(host, orderId, m => m is not null);
        Applied(await SendAsync(host, "POST", Order(Routes.Decline, orderId), host.MemberToken(first!), new ReasonRequest("今天不在家")));
        await OfferedToAsync(host, orderId, m => m != first);

        var organizerView = await EventuallyAsync(host, async () =>
        {
            var answer = await SendAsync(host, "GET", Order(Routes.Order, orderId), host.OrganizerToken());
            Assert.Equal(200, answer.Status);
            return Timeline(answer).Any(e => e.What == "declined") ? answer : null;
        });
        var declined = Timeline(organizerView).Single(e => e.What == "declined");
        Assert.Equal("今天不在家", declined.Reason);
        Assert.False(string.IsNullOrEmpty(declined.By));
        Assert.NotEqual(first, declined.By); // a name, not the member's id

        var residentView = await SendAsync(host, "GET", Order(Routes.Order, orderId), resident);
        Assert.DoesNotContain("今天不在家", residentView.Text, StringComparison.Ordinal);
        Assert.All(Timeline(residentView).Where(e => e.What == "declined"), e => Assert.Null(e.By));
    }

    [Fact]
    public async Task An_organizer_confirming_for_the_resident_gives_a_reason_the_timeline_shows()
    {
        await using var host = await StartAsync();
        var (orderId, resident) = await PlaceAsync(host);
        var memberId = await OfferedToAsync(host, orderId, m => m is not null);
        var member = host.MemberToken(memberId!);
        Applied(await SendAsync(host, "POST", Order(Routes.Accept, orderId), member));
        await WaitForStatusAsync(host, orderId, resident, "Accepted");
        Applied(await SendAsync(host, "POST", Order(Routes.Hours, orderId), member, new HoursRequest(1)));
        await WaitForStatusAsync(host, orderId, resident, "Done");

        var bare = await SendAsync(host, "POST", Order(Routes.Confirm, orderId), host.OrganizerToken(), new ConfirmRequest(5));
        Assert.Equal((400, "validation"), Problem(bare));
        Assert.True(bare.Json.GetProperty("errors").TryGetProperty("reason", out _));

        Applied(await SendAsync(host, "POST", Order(Routes.Confirm, orderId), host.OrganizerToken(), new ConfirmRequest(5, "居民电话确认已修好")));
        var done = await WaitForStatusAsync(host, orderId, resident, "Confirmed");
        var step = JsonSerializer.Deserialize<ResidentOrderView>(done.GetRawText(), Json)!.Timeline.Single(e => e.What == "confirmedForResident");
        Assert.Equal("居民电话确认已修好", step.Reason);
    }

    private static IReadOnlyList<TimelineEntry> Timeline(ContractAnswer answer) =>
        JsonSerializer.Deserialize<ResidentOrderView>(answer.Text, Json)!.Timeline;

    [Fact]
    public async Task The_desk_searches_members_to_dispatch_to_by_hand_with_the_matchings_reasons()
    {
        await using var host = await StartAsync();
        var (orderId, _) = await PlaceAsync(host); // Repair, in g1
        var first = await OfferedToAsync(host, orderId, m => m is not null);
        var organizer = host.OrganizerToken();
        Applied(await SendAsync(host, "POST", Order(Routes.Decline, orderId), host.MemberToken(first!), new ReasonRequest("出差")));
        await OfferedToAsync(host, orderId, m => m != first);

        var all = await SendAsync(host, "GET", DeskRoutes.CandidatesOf(orderId), organizer);
        Assert.Equal(200, all.Status);
        var list = JsonSerializer.Deserialize<CandidateView[]>(all.Text, Json)!;
        Assert.NotEmpty(list);
        Assert.NotNull(list[0].Reason); // the matching's own pick comes first, with its rank
        Assert.All(list, c => Assert.False(string.IsNullOrEmpty(c.Name) || string.IsNullOrEmpty(c.ReasonZh) || string.IsNullOrEmpty(c.ReasonEn)));
        Assert.True(Assert.Single(list, c => c.MemberId == first).Declined);

        var named = list.First(c => c.MemberId != first).Name;
        var byName = JsonSerializer.Deserialize<CandidateView[]>((await SendAsync(host, "GET", DeskRoutes.CandidatesOf(orderId) + "?q=" + Uri.EscapeDataString(named), organizer)).Text, Json)!;
        Assert.NotEmpty(byName);
        Assert.All(byName, c => Assert.Contains(named, c.Name, StringComparison.Ordinal));
        var inG2 = JsonSerializer.Deserialize<CandidateView[]>((await SendAsync(host, "GET", DeskRoutes.CandidatesOf(orderId) + "?grid=g2&available=true", organizer)).Text, Json)!;
        Assert.All(inG2, c => Assert.True(c.GridId == "g2" && c.AvailableAtWantedTime));

        Assert.Equal((403, "token-wrongscope"), Problem(await SendAsync(host, "GET", DeskRoutes.CandidatesOf(orderId), host.GridOrganizerToken("g2"))));
        var bad = await SendAsync(host, "GET", DeskRoutes.CandidatesOf(orderId) + "?available=maybe", organizer);
        Assert.Equal((400, "validation"), Problem(bad));
        Assert.True(bad.Json.GetProperty("errors").TryGetProperty("available", out _));
        Assert.Equal(404, (await SendAsync(host, "GET", DeskRoutes.CandidatesOf("o-unknown"), organizer)).Status);
    }

    [Fact]
    public async Task Organizers_view_a_residents_contact_only_on_an_escalated_order_and_each_view_is_logged()
    {
        await using var host = await StartAsync();
        var (orderId, resident) = await PlaceAsync(host);
        var organizer = host.OrganizerToken();
        var contact = DeskRoutes.Of(DeskRoutes.Contact, orderId);
        await OfferedToAsync(host, orderId, m => m is not null);
        Assert.Equal((409, "not-escalated"), Problem(await SendAsync(host, "POST", contact, organizer, new ReasonRequest("联系居民"))));

        // Three declines (or nobody left) escalate the order to the organizers.
        for (var i = 0; i < 3; i++)
        {
            var view = await SendAsync(host, "GET", Order(Routes.Order, orderId), resident);
            if (view.Json.GetProperty("status").GetString() == "Escalated")
            {
                break;
            }

            var holder = await OfferedToAsync(host, orderId, m => m is not null);
            Applied(await SendAsync(host, "POST", Order(Routes.Decline, orderId), host.MemberToken(holder!), new ReasonRequest("不在家")));
            await EventuallyAsync(host, async () =>
            {
                var after = await SendAsync(host, "GET", Order(Routes.Order, orderId), resident);
                return after.Json.GetProperty("status").GetString() is "Escalated" || (await OfferedToAsync(host, orderId, _ => true)) != holder ? after : null;
            });
        }

        await WaitForStatusAsync(host, orderId, resident, "Escalated");
        var list = await SendAsync(host, "GET", Routes.OrganizerOrders, organizer);
        Assert.DoesNotContain("13812345678", list.Text, StringComparison.Ordinal); // not in the list, only on request

        Assert.Equal((403, "token-wrongscope"), Problem(await SendAsync(host, "POST", contact, host.GridOrganizerToken("g2"), new ReasonRequest("联系居民"))));
        var bare = await SendAsync(host, "POST", contact, organizer, new ReasonRequest(null));
        Assert.Equal((400, "validation"), Problem(bare));
        Assert.True(bare.Json.GetProperty("errors").TryGetProperty("reason", out _));

        var shown = await SendAsync(host, "POST", contact, organizer, new ReasonRequest("无人接单，电话联系居民改约"));
        Assert.Equal(200, shown.Status);
        Assert.Equal("13812345678", shown.Json.GetProperty("phone").GetString());
        Assert.False(string.IsNullOrEmpty(shown.Json.GetProperty("address").GetString()));
        Assert.Equal(200, (await SendAsync(host, "POST", contact, host.GridOrganizerToken("g1"), new ReasonRequest("网格员上门"))).Status);

        var log = JsonSerializer.Deserialize<ContactAccessView[]>((await SendAsync(host, "GET", DeskRoutes.Of(DeskRoutes.ContactLog, orderId), organizer)).Text, Json)!;
        Assert.Equal(["无人接单，电话联系居民改约", "网格员上门"], log.Select(e => e.Reason).Order(StringComparer.Ordinal));
        Assert.All(log, e => Assert.False(string.IsNullOrEmpty(e.OrganizerName)));
        Assert.Equal((403, "token-wrongscope"), Problem(await SendAsync(host, "GET", DeskRoutes.Of(DeskRoutes.ContactLog, orderId), host.GridOrganizerToken("g2"))));
    }

    [Fact]
    public async Task The_desk_lists_closed_orders_newest_first_with_filters_and_pages()
    {
        await using var host = await StartAsync();
        var organizer = host.OrganizerToken();
        var repair = await SendAsync(host, "POST", Routes.Orders, body: host.Form());
        var visit = await SendAsync(host, "POST", Routes.Orders, body: host.Form(category: "Visit"));
        foreach (var placed in new[] { repair, visit })
        {
            var id = placed.Json.GetProperty("orderId").GetString()!;
            var resident = placed.Json.GetProperty("token").GetString()!;
            Applied(await SendAsync(host, "POST", Order(Routes.Cancel, id), resident, new ReasonRequest("已解决")));
            await WaitForStatusAsync(host, id, resident, "Cancelled");
        }

        HistoryPage Page(ContractAnswer answer) => JsonSerializer.Deserialize<HistoryPage>(answer.Text, Json)!;
        var all = Page(await EventuallyAsync(host, async () =>
        {
            var answer = await SendAsync(host, "GET", DeskRoutes.History, organizer);
            Assert.Equal(200, answer.Status);
            return Page(answer).Items.Count == 2 ? answer : null;
        }));
        Assert.All(all.Items, i => Assert.Equal(Dispatch.Core.Orders.OrderStatus.Cancelled, i.Status));
        Assert.False(all.More);

        var visits = Page(await SendAsync(host, "GET", DeskRoutes.History + "?category=Visit", organizer));
        Assert.Equal(visit.Json.GetProperty("reference").GetString(), Assert.Single(visits.Items).Reference);
        Assert.Empty(Page(await SendAsync(host, "GET", DeskRoutes.History + "?status=Confirmed", organizer)).Items);
        var reference = repair.Json.GetProperty("reference").GetString()!;
        Assert.Equal(reference, Assert.Single(Page(await SendAsync(host, "GET", DeskRoutes.History + "?q=" + reference, organizer)).Items).Reference);

        var first = Page(await SendAsync(host, "GET", DeskRoutes.History + "?size=1", organizer));
        var second = Page(await SendAsync(host, "GET", DeskRoutes.History + "?size=1&page=2", organizer));
        Assert.True(first.More);
        Assert.False(second.More);
        Assert.NotEqual(Assert.Single(first.Items).OrderId, Assert.Single(second.Items).OrderId);
        Assert.True(first.Items[0].PlacedAt >= second.Items[0].PlacedAt); // newest first

        var today = host.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, Page(await SendAsync(host, "GET", $"{DeskRoutes.History}?from={today}&to={today}&grid=g1", host.GridOrganizerToken("g1"))).Items.Count);
        Assert.Empty(Page(await SendAsync(host, "GET", DeskRoutes.History, host.GridOrganizerToken("g2"))).Items);
        foreach (var (query, field) in new[] { ("size=51", "size"), ("status=Offered", "status"), ("from=30-11-2026", "from"), ("category=Cooking", "category") })
        {
            var bad = await SendAsync(host, "GET", $"{DeskRoutes.History}?{query}", organizer);
            Assert.Equal((400, "validation"), Problem(bad));
            Assert.True(bad.Json.GetProperty("errors").TryGetProperty(field, out _), query);
        }
    }
}
