namespace Dispatch.Core.Tallies;

/// <summary>How a year's work turns into points (党员积分). Defaults: 1 point per confirmed hour,
/// 2 per micro-wish served, 5 per volunteer post claimed, 1 bonus per five-star rating. Points reward the
/// annual quota (2 wishes + 1 post) on top of hours, so hours alone do not dominate.</summary>
public sealed record PointsRules(decimal PerHour = 1m, decimal PerWish = 2m, decimal PerPost = 5m, decimal PerFiveStarRating = 1m)
{
    public static PointsRules Default { get; } = new();

    public decimal PointsOf(TallyCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return (PerHour * counts.HalfHours / 2m) + (PerWish * counts.Wishes) + (PerPost * counts.Posts) + (PerFiveStarRating * counts.FiveStars);
    }
}
