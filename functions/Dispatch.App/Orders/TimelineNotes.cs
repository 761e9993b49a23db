using Dispatch.Core.Api;
using Dispatch.Core.Hours;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>Puts names and reasons on an order's timeline: who dispatched or confirmed (an organizer's name, for
/// everyone), and for organizers who declined and why ("刘xx 拒绝：今天不在家"). The local host keeps a reason inside
/// its event; the Azure host keeps it in a <c>reason|…</c> row beside the order (kind = the event's type, written just
/// before the event was raised), matched here to the first step of that kind at or after it.</summary>
public sealed class TimelineNotes(OrderStore orders, OrgDirectory org, MemberStore members)
{
    public async Task<IReadOnlyList<TimelineEntry>> AddAsync(
        OrderState state, IReadOnlyList<OrderHistoryEntry> history, IReadOnlyList<TimelineEntry> timeline, bool forOrganizer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(timeline);
        if (history.Count != timeline.Count || !history.Any(h => Noted(h.Event, forOrganizer)))
        {
            return timeline;
        }

        var community = state.Request.Location.CommunityId;
        var organizers = (await org.ListOrganizersAsync(community, ct)).ToDictionary(o => o.OrganizerId, o => o.Name, StringComparer.Ordinal);
        var rows = new List<(string Kind, string Reason, DateTimeOffset At)>();
        if (history.Any(h => Noted(h.Event, forOrganizer) && ReasonOf(h.Event) is null))
        {
            rows.AddRange(await orders.ReasonsAsync(state.OrderId, ct));
        }
        var memberNames = new Dictionary<string, string?>(StringComparer.Ordinal);
        var list = new List<TimelineEntry>(timeline.Count);
        for (var i = 0; i < timeline.Count; i++)
        {
            var e = history[i].Event;
            if (!Noted(e, forOrganizer))
            {
                list.Add(timeline[i]);
                continue;
            }

            string? by = null;
            if (e.Actor is { Role: ActorRole.Organizer, Id: { } organizerId })
            {
                by = organizers.GetValueOrDefault(organizerId);
            }
            else if (e.Actor is { Role: ActorRole.Member, Id: { } memberId })
            {
                if (!memberNames.TryGetValue(memberId, out by))
                {
                    by = (await members.GetAsync(community, memberId, ct))?.Name;
                    memberNames[memberId] = by;
                }
            }

            list.Add(timeline[i] with { By = by, Reason = ReasonOf(e) ?? Take(rows, e.GetType().Name, history[i].At) });
        }

        return list;
    }

    /// <summary>Steps that carry a name or a reason: an organizer's (for everyone); a member's decline (organizers only).</summary>
    private static bool Noted(OrderEvent e, bool forOrganizer) => e switch
    {
        HandDispatched => true,
        ServiceConfirmed { By: ConfirmedBy.Organizer } => true,
        OfferDeclined => forOrganizer,
        _ => false,
    };

    private static string? ReasonOf(OrderEvent e) => e switch
    {
        OfferDeclined d => d.Reason,
        ServiceConfirmed c => c.Reason,
        _ => null,
    };

    private static string? Take(List<(string Kind, string Reason, DateTimeOffset At)> rows, string kind, DateTimeOffset at)
    {
        var i = rows.FindLastIndex(r => r.Kind == kind && r.At <= at);
        if (i < 0)
        {
            return null;
        }

        var reason = rows[i].Reason;
        rows.RemoveAt(i);
        return reason;
    }
}
