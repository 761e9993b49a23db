using Dispatch.Core.Orders;
using Dispatch.Core.Privacy;
using Dispatch.Functions.Http;
using Dispatch.Storage;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Assignments;

/// <summary>Writes the member's inbox and the notice lists, and logs what an SMS would say — ids and masked
/// phones only. The same behaviour as the local host's InboxNotifier.</summary>
public sealed class StorageNotifier(
    OrderStore orders,
    MemberInbox inbox,
    NoticeStore notices,
    Links links,
    TimeProvider clock,
    ILogger<StorageNotifier> logger) : IOrderNotifier
{
    public async Task DeliverOfferAsync(AssignmentMessage offer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var order = await orders.GetAsync(offer.OrderId, ct);
        if (order is null)
        {
            logger.LogWarning("Offer for unknown order {OrderId} dropped", offer.OrderId);
            return;
        }

        var state = order.State;
        var stillOffered = state.Offer is { } held && held.MemberId == offer.MemberId && held.Attempt == offer.Attempt;
        var role = stillOffered ? InboxRole.Offered
            : state.MemberId == offer.MemberId ? InboxRole.Assigned
            : state.Excluded.Contains(offer.MemberId) ? InboxRole.Expired
            : InboxRole.Withdrawn;
        await inbox.ProjectAsync(state, offer.MemberId, role, cancellationToken: ct);
        await notices.AddAsync(NoticeRecipient.Member(offer.MemberId), offer.OrderId, NoticeKind.OrderReceived, $"offer-{offer.Attempt}", clock.GetUtcNow(), cancellationToken: ct);
        if (stillOffered)
        {
            logger.LogInformation(
                "Offer of order {OrderId} to member {MemberId} until {Deadline:u}: {Link}",
                offer.OrderId, offer.MemberId, offer.Deadline, links.Offer(offer.OrderId, offer.MemberId, state.Request.Location.CommunityId));
        }
    }

    public async Task WithdrawAsync(WithdrawOffer withdraw, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(withdraw);
        await notices.AddAsync(NoticeRecipient.Member(withdraw.MemberId), withdraw.OrderId, NoticeKind.OfferWithdrawn, withdraw.Key, clock.GetUtcNow(), cancellationToken: ct);
        if (await orders.GetAsync(withdraw.OrderId, ct) is { } order)
        {
            await inbox.ProjectAsync(order.State, withdraw.MemberId, InboxRole.Withdrawn, cancellationToken: ct);
        }

        logger.LogInformation("Offer of order {OrderId} withdrawn from member {MemberId}", withdraw.OrderId, withdraw.MemberId);
    }

    public async Task NotifyAsync(Notify notify, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notify);
        var now = clock.GetUtcNow();
        switch (notify.Recipient)
        {
            case Recipient.Member when notify.MemberId is { } member:
                await notices.AddAsync(NoticeRecipient.Member(member), notify.OrderId, notify.Notice, notify.Key, now, cancellationToken: ct);
                logger.LogInformation("Notice {Notice} to member {MemberId} about order {OrderId}", notify.Notice, member, notify.OrderId);
                break;
            case Recipient.Resident:
                await notices.AddAsync(NoticeRecipient.Resident(notify.OrderId), notify.OrderId, notify.Notice, notify.Key, now, cancellationToken: ct);
                var phone = (await orders.GetAsync(notify.OrderId, ct))?.Resident.Phone;
                logger.LogInformation("Notice {Notice} to resident {Phone} about order {OrderId}", notify.Notice, Phone.Mask(phone), notify.OrderId);
                break;
            default:
                logger.LogInformation("Notice {Notice} about order {OrderId}", notify.Notice, notify.OrderId);
                break;
        }
    }

    public async Task EscalateAsync(Escalate escalate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(escalate);
        await notices.AddAsync(NoticeRecipient.Organizers(escalate.CommunityId), escalate.OrderId, NoticeKind.Escalated, escalate.Key, clock.GetUtcNow(), cancellationToken: ct);
        logger.LogWarning("Order {OrderId} escalated to the organizers of {CommunityId}: {Reason}", escalate.OrderId, escalate.CommunityId, escalate.Reason);
    }
}
