using System.Diagnostics;
using Dispatch.App.Channels;
using Dispatch.Core.Notifications;
using Dispatch.Core.Orders;
using Microsoft.Extensions.Logging;
using Dispatch.Storage;

namespace Dispatch.App.Notices;

/// <summary>The notifier both hosts use: writes the member's inbox and the notice lists (the in-app channel), then
/// hands offers, escalations and residents' status changes to <see cref="ChannelDelivery"/> for the channels each
/// person chose (Web Push, email, SMS). Logs ids and masked phones only, never a link: a link is a credential, and logs
/// travel (on Azure, to Application Insights).</summary>
public sealed class InboxNotifier(
    OrderStore orders,
    MemberInbox inbox,
    NoticeStore notices,
    TimeProvider clock,
    OrderReminderGate reminders,
    ChannelDelivery channels,
    ILogger<InboxNotifier> logger) : INotifier
{
    /// <summary>A span per offer delivered (order and member ids only), with an event when the offer is in the
    /// member's inbox: how long an order takes to reach its member, for tracing and the delivery benchmark.</summary>
    public static readonly ActivitySource Tracing = new(TracingName);

    public const string TracingName = "Dispatch.Offers";

    /// <summary>The span event that marks the offer written to the member's inbox.</summary>
    public const string InInbox = "in inbox";

    public async Task DeliverOfferAsync(AssignmentMessage offer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var (orderId, memberId, attempt, deadline) = (offer.OrderId, offer.MemberId, offer.Attempt, offer.Deadline);
        using var span = Tracing.StartActivity("deliver offer");
        span?.SetTag("dispatch.order_id", orderId);
        span?.SetTag("dispatch.member_id", memberId);
        var order = await orders.GetAsync(orderId, ct);
        if (order is null)
        {
            logger.LogWarning("Offer for unknown order {OrderId} dropped", orderId);
            return;
        }

        // Only the offer the order still holds reaches the inbox. A late, redelivered or resubmitted message for
        // an offer that was declined, ran out or went elsewhere changes nothing: the projector has already put
        // the order where it belongs in this member's inbox, and a fresh notice would announce a dead offer.
        var state = order.State;
        if (state.Offer is not { } held || held.MemberId != memberId || held.Attempt != attempt)
        {
            logger.LogInformation("Stale offer of order {OrderId} to member {MemberId} (attempt {Attempt}) not delivered", orderId, memberId, attempt);
            return;
        }

        await inbox.ProjectAsync(state, memberId, InboxRole.Offered, cancellationToken: ct);
        span?.AddEvent(new ActivityEvent(InInbox));
        await notices.AddAsync(MemberKey(memberId), orderId, NoticeKind.OrderReceived, $"offer-{attempt}", clock.GetUtcNow(), cancellationToken: ct);
        logger.LogInformation("Offer of order {OrderId} to member {MemberId} until {Deadline:u}", orderId, memberId, deadline);
        await channels.OfferAsync(state, held, ct);
    }

    public async Task WithdrawAsync(WithdrawOffer withdraw, CancellationToken ct)
    {
        await notices.AddAsync(MemberKey(withdraw.MemberId), withdraw.OrderId, NoticeKind.OfferWithdrawn, withdraw.Key, clock.GetUtcNow(), cancellationToken: ct);
        if (await orders.GetAsync(withdraw.OrderId, ct) is { } order)
        {
            await inbox.ProjectAsync(order.State, withdraw.MemberId, InboxRole.Withdrawn, cancellationToken: ct);
        }

        logger.LogInformation("Offer of order {OrderId} withdrawn from member {MemberId}", withdraw.OrderId, withdraw.MemberId);
    }

    public Task NotifyAsync(Notify notify, CancellationToken ct) => NotifyAsync(notify, null, ct);

    public async Task NotifyAsync(Notify notify, ResidentDetails? known, CancellationToken ct)
    {
        // Reminders are rationed (quiet hours, daily cap, once per key); status notices are not.
        if (await reminders.TryHandleAsync(notify, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        switch (notify.Recipient)
        {
            case Recipient.Member when notify.MemberId is { } member:
                await notices.AddAsync(MemberKey(member), notify.OrderId, notify.Notice, notify.Key, now, cancellationToken: ct);
                logger.LogInformation("Notice {Notice} to member {MemberId} about order {OrderId}", notify.Notice, member, notify.OrderId);
                if (notify.Notice == NoticeKind.ServiceConfirmed)
                {
                    // The member's "confirmed" is the resident's "closed".
                    await channels.ResidentAsync(notify.OrderId, DeliveryKind.Closed, notify.Key, known, ct);
                }

                break;
            case Recipient.Resident:
                await notices.AddAsync(NoticeRecipient.Resident(notify.OrderId), notify.OrderId, notify.Notice, notify.Key, now, cancellationToken: ct);
                // The order id names the resident; reading the order again only to log a masked phone cost a request.
                logger.LogInformation("Notice {Notice} to the resident of order {OrderId}", notify.Notice, notify.OrderId);
                if (ResidentUpdate(notify) is { } kind)
                {
                    await channels.ResidentAsync(notify.OrderId, kind, notify.Key, known, ct);
                }

                break;
            default:
                logger.LogInformation("Notice {Notice} about order {OrderId}", notify.Notice, notify.OrderId);
                break;
        }
    }

    public async Task EscalateAsync(Escalate escalate, CancellationToken ct)
    {
        await notices.AddAsync(NoticeRecipient.Organizers(escalate.CommunityId), escalate.OrderId, NoticeKind.Escalated, escalate.Key, clock.GetUtcNow(), cancellationToken: ct);
        logger.LogWarning("Order {OrderId} escalated to the organizers of {CommunityId}: {Reason}",
            escalate.OrderId, escalate.CommunityId, escalate.Reason);
        await channels.EscalationAsync(escalate.CommunityId, escalate.OrderId, escalate.Key, ct);
    }

    /// <summary>The status changes a resident who agreed hears by SMS: accepted, and done (each request to confirm;
    /// a reported service reopened and done again asks again).</summary>
    private static DeliveryKind? ResidentUpdate(Notify notify) => notify.Notice switch
    {
        NoticeKind.OrderAccepted => DeliveryKind.Accepted,
        NoticeKind.ConfirmRequested => DeliveryKind.Done,
        _ => null,
    };

    private static string MemberKey(string memberId) => NoticeRecipient.Member(memberId);
}
