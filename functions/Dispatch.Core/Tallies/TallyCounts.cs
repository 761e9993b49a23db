using Dispatch.Core.Hours;
using Dispatch.Core.Posts;

namespace Dispatch.Core.Tallies;

/// <summary>The running counters of one member-year: what the stored <c>tally</c> row holds. The
/// incremental path folds <see cref="Add(ServiceRecord)"/> and <see cref="AddClaim"/> over each entry as
/// it is written; <see cref="TallyCalculator.FromRecords"/> must arrive at the same counters.</summary>
public sealed record TallyCounts(
    int HalfHours,
    int Services,
    int Wishes,
    int Posts,
    int RatingSum,
    int RatingCount,
    int FiveStars)
{
    public static TallyCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>A correction adds its (possibly negative) half-hours only: it is not another service,
    /// wish or rating.</summary>
    public TallyCounts Add(ServiceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var original = !record.IsCorrection;
        return this with
        {
            HalfHours = HalfHours + record.HalfHours,
            Services = Services + (original ? 1 : 0),
            Wishes = Wishes + (original && record.IsWish ? 1 : 0),
            RatingSum = RatingSum + (original ? record.Rating ?? 0 : 0),
            RatingCount = RatingCount + (original && record.Rating is not null ? 1 : 0),
            FiveStars = FiveStars + (original && record.Rating == 5 ? 1 : 0),
        };
    }

    public TallyCounts AddClaim(PostClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return this with { Posts = Posts + 1 };
    }
}
