using Dispatch.Core.Members;

namespace Dispatch.Core.Posts;

/// <summary>A volunteer post (志愿服务岗位) of one community: a standing duty with a number of places,
/// open over a period of China calendar dates. Members claim places; shifts on it are service records.</summary>
public sealed record Post(
    string PostId,
    string CommunityId,
    string TitleZh,
    string? Description,
    ServiceCategory Category,
    int Capacity,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    public const int MinCapacity = 1;
    public const int MaxCapacity = 500;

    /// <summary>A claim counts toward the quota of the year the post starts in, even when the period
    /// runs into the next year: one post, one year, no double counting.</summary>
    public int QuotaYear => StartsOn.Year;

    public bool Covers(DateOnly date) => date >= StartsOn && date <= EndsOn;
}
