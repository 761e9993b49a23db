namespace Dispatch.Core.Matching;

/// <summary>What a member has done this year and holds now, as the matching policy weighs it.</summary>
public sealed record MemberLoad(int OpenAssignments, int WishesThisYear, int PostsThisYear, int HalfHoursThisYear)
{
    public static MemberLoad None { get; } = new(0, 0, 0, 0);

    /// <summary>Annual quota items still due: at least 2 wishes and 1 volunteer post a year (Wuxi).</summary>
    public int QuotaGap => Math.Max(0, Quota.WishesPerYear - WishesThisYear) + Math.Max(0, Quota.PostsPerYear - PostsThisYear);
}

public static class Quota
{
    public const int WishesPerYear = 2;
    public const int PostsPerYear = 1;
}
