using System.Text.Json.Serialization;
using Dispatch.Core.Matching;
using Dispatch.Core.Members;

namespace Dispatch.Core.Tallies;

/// <summary>One member's year (年度统计): confirmed hours (corrections included), services, wishes,
/// posts claimed, ratings, points and whether the annual quota is met.
/// <see cref="GridId"/>/<see cref="BuildingId"/> are the member's current home (roll-ups group by it);
/// null when the member is not on the roster.</summary>
public sealed record AnnualTally(
    string CommunityId,
    int Year,
    string MemberId,
    string? GridId,
    string? BuildingId,
    bool Active,
    int HalfHours,
    int Services,
    int Wishes,
    int Posts,
    int RatingSum,
    int RatingCount,
    int FiveStarRatings,
    decimal Points,
    bool QuotaMet)
{
    public decimal Hours => HalfHours / 2m;

    public decimal? AverageRating => RatingCount == 0 ? null : Math.Round((decimal)RatingSum / RatingCount, 2);

    [JsonIgnore]
    public TallyCounts Counts => new(HalfHours, Services, Wishes, Posts, RatingSum, RatingCount, FiveStarRatings);

    /// <summary>At least 2 wishes and 1 volunteer post in the year (Wuxi's quota).</summary>
    public static bool MeetsQuota(TallyCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Wishes >= Quota.WishesPerYear && counts.Posts >= Quota.PostsPerYear;
    }

    public static AnnualTally Of(string communityId, int year, string memberId, TallyCounts counts, PointsRules rules, Member? member = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(rules);
        return new AnnualTally(
            communityId,
            year,
            memberId,
            member?.Home.GridId,
            member?.Home.BuildingId,
            member?.Active ?? false,
            counts.HalfHours,
            counts.Services,
            counts.Wishes,
            counts.Posts,
            counts.RatingSum,
            counts.RatingCount,
            counts.FiveStars,
            rules.PointsOf(counts),
            MeetsQuota(counts));
    }
}
