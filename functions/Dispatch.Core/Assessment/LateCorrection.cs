using Dispatch.Core.Hours;
using Dispatch.Core.Posts;

namespace Dispatch.Core.Assessment;

public enum LateKind
{
    /// <summary>A correction of a record of the frozen year.</summary>
    Correction,

    /// <summary>A service of the frozen year confirmed only after the freeze.</summary>
    Record,

    /// <summary>A claim on a post of the frozen year made after the freeze.</summary>
    PostClaim,
}

/// <summary>An entry of a frozen year that the snapshot does not hold, listed against it.</summary>
public sealed record LateCorrection(
    LateKind Kind,
    string MemberId,
    string EntryId,
    int HalfHours,
    string? CorrectsRecordId,
    string? Reason,
    DateTimeOffset At)
{
    public decimal Hours => HalfHours / 2m;
}

public static class LateCorrections
{
    /// <summary>Every entry of the year not named by the snapshot, oldest first. Derived, so a record
    /// written while the freeze was reading can never fall between the snapshot and this list.</summary>
    public static IReadOnlyList<LateCorrection> Find(
        IReadOnlyDictionary<string, IReadOnlyList<string>> frozenKeys,
        IEnumerable<ServiceRecord> records,
        IEnumerable<PostClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(frozenKeys);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(claims);
        bool Frozen(string memberId, string key) => frozenKeys.TryGetValue(memberId, out var keys) && keys.Contains(key, StringComparer.Ordinal);
        var late = records.Where(r => !Frozen(r.MemberId, EntryKey.Of(r))).Select(r => new LateCorrection(
                r.IsCorrection ? LateKind.Correction : LateKind.Record, r.MemberId, r.RecordId, r.HalfHours, r.CorrectsRecordId, r.Reason, r.ConfirmedAt))
            .Concat(claims.Where(c => !Frozen(c.MemberId, EntryKey.Of(c))).Select(c => new LateCorrection(
                LateKind.PostClaim, c.MemberId, c.PostId, 0, null, null, c.ClaimedAt)));
        return [.. late.OrderBy(l => l.At).ThenBy(l => l.MemberId, StringComparer.Ordinal).ThenBy(l => l.EntryId, StringComparer.Ordinal)];
    }
}

/// <summary>What GET /api/assessments/{year} answers: the frozen snapshot and what came after it.</summary>
public sealed record AssessmentView(AssessmentSnapshot Snapshot, IReadOnlyList<LateCorrection> LateCorrections);
