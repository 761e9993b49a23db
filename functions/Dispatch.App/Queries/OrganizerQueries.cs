using Dispatch.App.SignedLinks;
using Dispatch.Core;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Core.Time;
using Dispatch.Storage;

namespace Dispatch.App.Queries;

/// <summary>Community staff: open and escalated orders, the members to dispatch to by hand, their notices
/// (escalations, digests) and undeliverable offers; the public directory for the order form. What a grid
/// organizer's link reads is limited to their grid here, once per list (<see cref="OrganizerLink.Sees"/>).</summary>
public sealed class OrganizerQueries(
    OrderIndex index, MemberStore members, ServiceRecordStore records, OrgDirectory org, NoticeStore notices, OrderStore orders, IDeadLetters deadLetters)
{
    public const int Notices = 50;
    public const int DeadLetters = 32;

    /// <summary>The community's open orders; a grid organizer's, those located in their grid.</summary>
    public async Task<IReadOnlyList<OrganizerOrderView>> OrdersAsync(OrganizerLink organizer, string? status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        OrderStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            filter = EnumNames.TryParse<OrderStatus>(status, out var s)
                ? s
                : throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>
                {
                    ["status"] = [$"One of {string.Join(", ", Enum.GetNames<OrderStatus>())}."],
                }));
        }

        var open = await index.ListOpenAsync(organizer.CommunityId, filter, ct);
        return [.. open.Where(o => organizer.Sees(o.GridId)).OrderBy(o => o.PlacedAt).Select(o => new OrganizerOrderView(
            o.OrderId, o.Kind.ToString(), o.Category.ToString(), o.Status, o.GridId, o.BuildingId, o.Urgent, o.PlacedAt,
            o.MemberId, o.OfferedTo, o.OfferDeadline, o.Escalation?.ToString(), o.AwaitingOrganizerConfirmation, o.Reference))];
    }

    /// <summary>The community's members; a grid organizer's, those who live in their grid.</summary>
    public async Task<IReadOnlyList<OrganizerMemberView>> MembersAsync(OrganizerLink organizer, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        var communityId = organizer.CommunityId;
        var roster = (await members.ListAsync(communityId, ct)).Where(m => organizer.Sees(m.Home.GridId));
        var open = await index.OpenAssignmentsAsync(communityId, ct);
        var tallies = (await records.TalliesAsync(communityId, ChinaTime.YearOf(now), ct)).ToDictionary(t => t.MemberId);
        return [.. roster.OrderBy(m => m.Home.GridId).ThenBy(m => m.MemberId, StringComparer.Ordinal).Select(m => new OrganizerMemberView(
            m.MemberId, m.Name, m.Home.GridId, m.Home.BuildingId, [.. m.Skills.Select(s => s.ToString()).Order()], m.Active,
            tallies.TryGetValue(m.MemberId, out var t) ? t.Hours : 0, open.GetValueOrDefault(m.MemberId),
            m.Phone, Registry.RegistryViews.Slots(m.Availability), [.. m.Households.Order(StringComparer.Ordinal)]))];
    }

    /// <summary>The organizers' notices; a grid organizer's, those about an order of their grid (the community's
    /// daily digest names no order, so only community organizers get it).</summary>
    public async Task<IReadOnlyList<NoticeView>> NoticesAsync(OrganizerLink organizer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        var list = await notices.ListAsync(NoticeRecipient.Organizers(organizer.CommunityId), Notices, ct);
        var shown = new List<Notice>();
        var grids = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var n in list)
        {
            if (organizer.GridId is not null)
            {
                if (!grids.TryGetValue(n.OrderId, out var grid))
                {
                    grid = Ids.IsValid(n.OrderId) ? (await orders.GetAsync(n.OrderId, ct))?.State.Request.Location.GridId : null;
                    grids[n.OrderId] = grid;
                }

                if (grid is null || !organizer.Sees(grid))
                {
                    continue;
                }
            }

            shown.Add(n);
        }

        return await LabelAsync(organizer.CommunityId, [.. shown.Select(n => NoticeView.Of(n.At, n.OrderId, n.Kind, n.Text))], ct);
    }

    /// <summary>Gives each notice its orders' readable references, typed, so the desk shows no raw id: open orders from
    /// one read of the open list, others (closed since) by their order row, each at most once.</summary>
    private async Task<IReadOnlyList<NoticeView>> LabelAsync(string communityId, IReadOnlyList<NoticeView> views, CancellationToken ct)
    {
        var references = (await index.ListOpenAsync(communityId, cancellationToken: ct))
            .ToDictionary(o => o.OrderId, o => o.Reference, StringComparer.Ordinal);
        async Task<string?> ReferenceOf(string orderId)
        {
            if (!references.TryGetValue(orderId, out var reference))
            {
                reference = Ids.IsValid(orderId) ? (await orders.GetAsync(orderId, ct))?.State.Reference : null;
                references[orderId] = reference;
            }

            return reference;
        }

        var labelled = new List<NoticeView>(views.Count);
        foreach (var view in views)
        {
            var digest = new List<OrderLabel>();
            foreach (var id in view.Digest?.OrderIds ?? [])
            {
                digest.Add(new OrderLabel(id, await ReferenceOf(id)));
            }

            labelled.Add(view with
            {
                Reference = view.Notice == NoticeKind.EscalationDigest ? null : await ReferenceOf(view.OrderId),
                DigestOrders = view.Digest is null ? null : digest,
            });
        }

        return labelled;
    }

    /// <summary>Undeliverable offers of this community's orders (an unreadable one is shown to everyone: it
    /// names no order).</summary>
    public async Task<IReadOnlyList<DeadLetterView>> DeadLettersAsync(string communityId, CancellationToken ct)
    {
        var list = new List<DeadLetterView>();
        foreach (var letter in await deadLetters.PeekAsync(DeadLetters, ct))
        {
            if (letter.OrderId is null || (await orders.GetAsync(letter.OrderId, ct))?.State.Request.Location.CommunityId == communityId)
            {
                list.Add(letter);
            }
        }

        return list;
    }

    public async Task<IReadOnlyList<CommunityView>> CommunitiesAsync(CancellationToken ct)
    {
        var list = new List<CommunityView>();
        foreach (var c in await org.ListCommunitiesAsync(ct))
        {
            if (await org.GetCommunityAsync(c.CommunityId, ct) is { } tree)
            {
                list.Add(View(tree));
            }
        }

        return list;
    }

    /// <summary>A community with its grids and buildings, as the order form and the registration form show it.</summary>
    public static CommunityView View(CommunityDirectory tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return new(tree.Community.CommunityId, tree.Community.NameZh, tree.Community.NameEn, [.. tree.Grids.Select(g => new GridView(
            g.GridId, g.NameZh, g.NameEn, [.. tree.BuildingsOf(g.GridId).Select(b => new BuildingView(b.BuildingId, b.NameZh, b.NameEn))]))]);
    }
}
