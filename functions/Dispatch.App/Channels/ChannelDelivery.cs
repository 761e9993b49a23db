using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Core.Notifications;
using Dispatch.Core.Orders;
using Dispatch.Core.Reminders;
using Dispatch.Storage;
using Microsoft.Extensions.Logging;

namespace Dispatch.App.Channels;

/// <summary>Sends a notice over the channels its recipient chose, once per notice and channel, with every attempt in
/// the delivery log (<see cref="DeliveryStore"/>). A failed attempt is tried again by <see cref="RetryDueAsync"/> as
/// <see cref="DeliveryPolicy"/> says, then left as a failed delivery organizers see. Nothing here throws at the
/// notifier: the in-app inbox never waits on a phone or a mail server. What a delivery says is rebuilt from the order
/// at each attempt, so the log holds no text, address or link; logs name ids and channels only.</summary>
public sealed class ChannelDelivery(
    IEnumerable<INotificationChannel> channels,
    ChannelStore people,
    DeliveryStore log,
    OrderStore orders,
    MemberStore members,
    OrgDirectory org,
    Links links,
    DeliveryPolicy policy,
    TimeProvider clock,
    ILogger<ChannelDelivery> logger)
{
    /// <summary>How long an attempt may stay pending before the retry pass takes it as lost in a crash.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Bounds one retry pass.</summary>
    public const int MaxPerPass = 100;

    private readonly Dictionary<Channel, INotificationChannel> _channels = channels.ToDictionary(c => c.Channel);

    /// <summary>An offer reached the member's inbox: tell them on their channels, with the offer link.</summary>
    public Task OfferAsync(OrderState state, Offer offer, CancellationToken ct) =>
        ToMemberAsync(state.Request.Location.CommunityId, offer.MemberId, state.OrderId, DeliveryKind.Offer, $"offer-{offer.Attempt}", offer.Deadline, ct);

    /// <summary>A reminder the reminder policy let through, to a member.</summary>
    public async Task ReminderAsync(string orderId, string memberId, string key, CancellationToken ct)
    {
        await GuardAsync(orderId, async () =>
        {
            if (await orders.GetAsync(orderId, ct) is not { } order)
            {
                return;
            }

            var deadline = order.State.Offer is { } held && held.MemberId == memberId ? held.Deadline : (DateTimeOffset?)null;
            await ToMemberAsync(order.State.Request.Location.CommunityId, memberId, orderId, DeliveryKind.Reminder, key, deadline, ct);
        });
    }

    /// <summary>Nobody took an order: its community's organizers (and its grid's) hear on their channels.</summary>
    public Task EscalationAsync(string communityId, string orderId, string key, CancellationToken ct) => GuardAsync(orderId, async () =>
    {
        var grid = (await orders.GetAsync(orderId, ct))?.State.Request.Location.GridId;
        await ToOrganizersAsync(communityId, o => o.GridId is null || o.GridId == grid, orderId, DeliveryKind.Escalation, key, ct);
    });

    /// <summary>What a reminder sweep put in the inbox goes out on the chosen channels too: member reminders quiet hours
    /// held back and released now, the quarter's quota nudges, and the morning digest (to the community's organizers,
    /// as in the inbox; grid organizers hear of each escalation in their grid as it happens). Each once per notice and
    /// channel, as the delivery log's key says, so a sweep that runs again sends nothing new.</summary>
    public async Task SweptAsync(SweepReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var released in report.Released)
        {
            if (SentToMember(released) && released.Reminder.Source is { } notify)
            {
                await ReminderAsync(notify.OrderId, released.Reminder.RecipientId, released.Reminder.Key, ct);
            }
        }

        foreach (var (communityId, nudge) in report.Nudges)
        {
            if (SentToMember(nudge))
            {
                var r = nudge.Reminder;
                await ToMemberAsync(communityId, r.RecipientId, r.Subject, DeliveryKind.QuotaNudge, r.Key, null, ct);
            }
        }

        foreach (var digest in report.Digests)
        {
            await GuardAsync(digest.Key, () => ToOrganizersAsync(digest.CommunityId, o => o.GridId is null, digest.Key, DeliveryKind.Digest, digest.Key, ct));
        }
    }

    /// <summary>Sent now, or sent before by a run that stopped before its channels (the delivery log dedupes).</summary>
    private static bool SentToMember(ReminderOutcome outcome) =>
        outcome.Reminder.To == Recipient.Member && outcome.Decision is SendNow or Drop { Reason: DropReason.Duplicate };

    private async Task ToOrganizersAsync(
        string communityId, Func<Organizer, bool> who, string orderId, DeliveryKind kind, string key, CancellationToken ct)
    {
        foreach (var organizer in (await org.ListOrganizersAsync(communityId, ct)).Where(who))
        {
            var person = ChannelPerson.Organizer(communityId, organizer.OrganizerId);
            var chosen = await people.GetAsync(person, ct);
            await FanOutAsync(
                communityId, DeliveryRecipient.Organizer, organizer.OrganizerId, person, orderId, kind, key, null,
                Targets(chosen, organizer.Phone is not null), ct);
        }
    }

    /// <summary>A status change a resident who agreed to updates hears by SMS to the order's phone. <paramref name="known"/>:
    /// the resident's details as the caller last saved them; when they say no texts, the order is not read again.</summary>
    public Task ResidentAsync(string orderId, DeliveryKind kind, string key, ResidentDetails? known, CancellationToken ct) => GuardAsync(orderId, async () =>
    {
        if (known is { WantsUpdates: false })
        {
            return;
        }

        if (await orders.GetAsync(orderId, ct) is { Resident.WantsUpdates: true } order)
        {
            await FanOutAsync(
                order.State.Request.Location.CommunityId, DeliveryRecipient.Resident, null, NoticeRecipient.Resident(orderId), orderId, kind, key, null,
                [(Channel.Sms, null)], ct);
        }
    });

    /// <summary>Tries the deliveries whose next attempt is due; returns how many were tried.</summary>
    public async Task<int> RetryDueAsync(CancellationToken ct)
    {
        var due = await log.DueAsync(clock.GetUtcNow(), MaxPerPass, ct);
        foreach (var delivery in due)
        {
            await GuardAsync(delivery.OrderId, () => AttemptAsync(delivery with { Attempt = delivery.Attempt + 1 }, ct));
        }

        return due.Count;
    }

    private Task ToMemberAsync(
        string communityId, string memberId, string orderId, DeliveryKind kind, string key, DateTimeOffset? deadline, CancellationToken ct) =>
        GuardAsync(orderId, async () =>
        {
            var person = ChannelPerson.Member(memberId);
            var chosen = await people.GetAsync(person, ct);
            await FanOutAsync(communityId, DeliveryRecipient.Member, memberId, person, orderId, kind, key, deadline, Targets(chosen, hasPhone: true), ct);
        });

    private static List<(Channel, string?)> Targets(PersonChannels chosen, bool hasPhone)
    {
        var targets = chosen.Push.Select(p => (Channel.WebPush, (string?)p.Id)).ToList();
        if (chosen.Email is not null)
        {
            targets.Add((Channel.Email, null));
        }

        if (chosen.Sms && hasPhone)
        {
            targets.Add((Channel.Sms, null));
        }

        return targets;
    }

    private async Task FanOutAsync(
        string communityId, DeliveryRecipient recipient, string? recipientId, string recipientKey, string orderId, DeliveryKind kind, string key,
        DateTimeOffset? deadline, IEnumerable<(Channel Channel, string? Target)> targets, CancellationToken ct)
    {
        foreach (var (channel, target) in targets)
        {
            if (!_channels.TryGetValue(channel, out var adapter) || !adapter.IsConfigured)
            {
                logger.LogDebug("Channel {Channel} is not configured: order {OrderId} {Kind} not sent over it", channel, orderId, kind);
                continue;
            }

            var now = clock.GetUtcNow();
            var delivery = new Delivery(
                communityId, Delivery.IdOf(recipientKey, orderId, key, channel, target), recipient, recipientId, channel, target, orderId, kind, deadline,
                Attempt: 1, DeliveryOutcome.Pending, Error: null, now, NextAttemptAt: now + Lease);
            if (await log.TryAddAsync(delivery, ct))
            {
                await AttemptAsync(delivery, ct);
            }
        }
    }

    private async Task AttemptAsync(Delivery delivery, CancellationToken ct)
    {
        var adapter = _channels[delivery.Channel];
        string? error;
        var gone = false;
        try
        {
            if (await AddressAsync(delivery, ct) is not { } address)
            {
                error = "no-address";
            }
            else
            {
                await adapter.SendAsync(address, await MessageAsync(delivery, address.Language, ct), ct);
                await log.SaveAsync(delivery with { Outcome = DeliveryOutcome.Sent, Error = null, At = clock.GetUtcNow(), NextAttemptAt = null }, ct);
                logger.LogInformation("Delivered {Kind} of order {OrderId} over {Channel} (attempt {Attempt})", delivery.Kind, delivery.OrderId, delivery.Channel, delivery.Attempt);
                return;
            }
        }
        catch (ChannelSendException e)
        {
            (error, gone) = (e.Message, e.Gone);
        }

        var now = clock.GetUtcNow();
        var next = gone || error == "no-address" ? null : policy.NextAttemptAt(delivery.Attempt, now);
        var outcome = next is null ? DeliveryOutcome.Failed : DeliveryOutcome.Retrying;
        await log.SaveAsync(delivery with { Outcome = outcome, Error = error, At = now, NextAttemptAt = next }, ct);
        if (gone && delivery.Target is { } target && delivery.RecipientId is { } who)
        {
            await people.RemovePushAsync(PersonOf(delivery, who), target, ct);
        }

        logger.LogWarning("Delivery of {Kind} of order {OrderId} over {Channel} failed (attempt {Attempt}, {Error}): {Outcome}",
            delivery.Kind, delivery.OrderId, delivery.Channel, delivery.Attempt, error, outcome);
    }

    private static string PersonOf(Delivery d, string who) =>
        d.Recipient == DeliveryRecipient.Organizer ? ChannelPerson.Organizer(d.CommunityId, who) : ChannelPerson.Member(who);

    /// <summary>The address now: the person may have changed their choice since the first attempt.</summary>
    private async Task<ChannelAddress?> AddressAsync(Delivery d, CancellationToken ct)
    {
        if (d.Recipient == DeliveryRecipient.Resident)
        {
            return await orders.GetAsync(d.OrderId, ct) is { Resident.WantsUpdates: true } order && order.Resident.Phone != ResidentDetails.ErasedText
                ? new ChannelAddress(Phone: order.Resident.Phone)
                : null;
        }

        var who = d.RecipientId ?? "";
        var chosen = await people.GetAsync(PersonOf(d, who), ct);
        var address = d.Channel switch
        {
            Channel.Email => chosen.Email is { } email ? new ChannelAddress(Email: email) : null,
            Channel.WebPush => chosen.Push.FirstOrDefault(p => p.Id == d.Target) is { } push ? new ChannelAddress(Push: push) : null,
            Channel.Sms when chosen.Sms => await PhoneAsync(d, who, ct) is { } phone ? new ChannelAddress(Phone: phone) : null,
            _ => null,
        };
        return address is null ? null : address with { Language = chosen.Language };
    }

    private async Task<string?> PhoneAsync(Delivery d, string who, CancellationToken ct) => d.Recipient == DeliveryRecipient.Organizer
        ? (await org.ListOrganizersAsync(d.CommunityId, ct)).FirstOrDefault(o => o.OrganizerId == who)?.Phone
        : (await members.GetAsync(d.CommunityId, who, ct))?.Phone;

    private async Task<ChannelMessage> MessageAsync(Delivery d, MessageLanguage language, CancellationToken ct)
    {
        switch (d.Kind)
        {
            case DeliveryKind.Offer when d.OfferDeadline is { } deadline:
                return ChannelMessage.Offer(deadline, links.Offer(d.OrderId, d.RecipientId ?? "", deadline), language);
            case DeliveryKind.Reminder:
                return ChannelMessage.Reminder(d.OfferDeadline is { } due ? links.Offer(d.OrderId, d.RecipientId ?? "", due) : null, language);
            case DeliveryKind.Escalation:
                return ChannelMessage.Escalation(language);
            case DeliveryKind.QuotaNudge:
                return ChannelMessage.QuotaNudge(language);
            case DeliveryKind.Digest:
                return ChannelMessage.Digest(language);
            case DeliveryKind.Accepted:
                var order = await orders.GetAsync(d.OrderId, ct);
                var member = order?.State.MemberId is { } id ? await members.GetAsync(d.CommunityId, id, ct) : null;
                return ChannelMessage.Accepted(member?.Name ?? "");
            case DeliveryKind.Done:
                return ChannelMessage.Done(links.Tracking(d.OrderId, links.ResidentToken(d.OrderId)));
            default:
                return ChannelMessage.Closed();
        }
    }

    /// <summary>Channels are best effort beside the inbox: a storage or channel fault is logged, never thrown.</summary>
    private async Task GuardAsync(string orderId, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Channel delivery for order {OrderId} stopped: {Error}", orderId, e.GetType().Name);
        }
    }
}
