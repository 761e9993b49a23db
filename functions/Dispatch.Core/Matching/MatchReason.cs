namespace Dispatch.Core.Matching;

/// <summary>Why a member was picked, stored with the offer so anyone can see the dispatch was fair.
/// <see cref="ByHand"/> marks an organizer's choice, which carries no ranking. Views carry it as is and the
/// pages put it in words; <see cref="Explain"/> is for the log.</summary>
public sealed record MatchReason(
    Closeness Closeness,
    int QuotaGap,
    int HalfHoursThisYear,
    int OpenAssignments,
    int Rank,
    int CandidateCount,
    bool ByHand = false)
{
    public static MatchReason Hand(string organizerId) =>
        new(Closeness.SameCommunity, 0, 0, 0, 0, 0, ByHand: true) { OrganizerId = organizerId };

    public string? OrganizerId { get; init; }

    public string Explain() => ByHand
        ? $"Dispatched by hand by organizer {OrganizerId}."
        : $"Ranked {Rank} of {CandidateCount}: {Closeness}; {QuotaGap} quota item(s) still due this year; "
          + $"{HalfHoursThisYear / 2m:0.0} h served this year; {OpenAssignments} open assignment(s).";
}
