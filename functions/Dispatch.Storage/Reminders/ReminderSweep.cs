using Dispatch.Core.Orders;
using Dispatch.Core.Reminders;
using Dispatch.Core.Time;

namespace Dispatch.Storage;

/// <summary>What one sweep did, for the host's log and the channels.</summary>
public sealed record SweepReport(IReadOnlyList<ReminderOutcome> Released, IReadOnlyList<CommunityNudge> Nudges, IReadOnlyList<EscalationDigest> Digests)
{
    /// <summary>Every reminder outcome, for the log.</summary>
    public IEnumerable<ReminderOutcome> Outcomes => Released.Concat(Nudges.Select(n => n.Outcome));
}

/// <summary>A quota nudge and the community of its member (the channels deliver per community).</summary>
public sealed record CommunityNudge(string CommunityId, ReminderOutcome Outcome);

/// <summary>The timer-driven reminder job, host-neutral: the local host's background loop calls
/// <see cref="RunAsync"/> every pass, the Azure host's ReminderSweep timer trigger on its schedule.
/// It releases due deferrals, and once per community per China day (from 08:00) plans quota nudges and
/// the organizers' digest. Running it twice changes nothing: every nudge and digest has a dedupe key.</summary>
public sealed class ReminderSweep(
    ReminderPost post,
    SweepMarks marks,
    OrgDirectory org,
    MemberStore members,
    ServiceRecordStore records,
    OrderIndex index,
    NoticeStore notices)
{
    public const string DailyJob = "daily";

    public async Task<SweepReport> RunAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var released = await post.ReleaseDueAsync(now, cancellationToken).ConfigureAwait(false);
        var nudges = new List<CommunityNudge>();
        var digests = new List<EscalationDigest>();
        if (!post.Policy.IsQuiet(now))
        {
            var day = ChinaTime.DateOf(now);
            foreach (var community in await org.ListCommunitiesAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await marks.HasRunAsync(DailyJob, community.CommunityId, day, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                var open = await index.ListOpenAsync(community.CommunityId, cancellationToken: cancellationToken).ConfigureAwait(false);
                nudges.AddRange(await NudgeAsync(community.CommunityId, open, now, cancellationToken).ConfigureAwait(false));
                if (await DigestAsync(community.CommunityId, open, now, cancellationToken).ConfigureAwait(false) is { } digest)
                {
                    digests.Add(digest);
                }

                await marks.MarkAsync(DailyJob, community.CommunityId, day, now, cancellationToken).ConfigureAwait(false);
            }
        }

        return new SweepReport(released, nudges, digests);
    }

    /// <summary>The one place the sweep reads volunteer posts: the member-year tally's post claims (a member
    /// with no tally row has none yet).</summary>
    public static int PostsOf(MemberTally? tally) => tally?.Posts ?? 0;

    private async Task<IReadOnlyList<CommunityNudge>> NudgeAsync(
        string communityId, IReadOnlyList<OpenOrder> open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var roster = await members.ListAsync(communityId, cancellationToken).ConfigureAwait(false);
        var tallies = (await records.TalliesAsync(communityId, ChinaTime.YearOf(now), cancellationToken).ConfigureAwait(false))
            .ToDictionary(t => t.MemberId, StringComparer.Ordinal);
        var standings = roster.Where(m => m.Active).Select(m =>
        {
            var tally = tallies.GetValueOrDefault(m.MemberId);
            return new QuotaStanding(m.MemberId, m.Home.GridId, tally?.Wishes ?? 0, PostsOf(tally));
        });
        var wishes = open
            .Where(o => o.Kind == OrderKind.Wish && o.Status == OrderStatus.Open && o.MemberId is null)
            .Select(o => new OpenWish(o.OrderId, o.GridId, o.PlacedAt));
        var outcomes = new List<CommunityNudge>();
        foreach (var nudge in QuotaNudges.Plan(standings, wishes, now))
        {
            outcomes.Add(new CommunityNudge(communityId, await post.OfferAsync(nudge, now, cancellationToken).ConfigureAwait(false)));
        }

        return outcomes;
    }

    private async Task<EscalationDigest?> DigestAsync(
        string communityId, IReadOnlyList<OpenOrder> open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var escalated = open.Where(o => o.Status == OrderStatus.Escalated || o.AwaitingOrganizerConfirmation).Select(o => o.OrderId);
        if (EscalationDigest.Plan(communityId, escalated, now, post.Policy) is not { } digest)
        {
            return null;
        }

        var added = await notices.AddAsync(
            NoticeRecipient.Organizers(communityId), digest.Key, NoticeKind.EscalationDigest, digest.Key, now, digest.Text, cancellationToken)
            .ConfigureAwait(false);
        return added ? digest : null;
    }
}
