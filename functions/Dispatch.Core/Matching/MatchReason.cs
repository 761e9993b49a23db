namespace Dispatch.Core.Matching;

/// <summary>Why a member was picked, stored with the offer so anyone can see the dispatch was fair.
/// <see cref="ByHand"/> marks an organizer's choice, which carries no ranking.</summary>
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

    public string ExplainZh() => ByHand
        ? $"由组织人员 {OrganizerId} 手动派单。"
        : $"候选 {CandidateCount} 人中排第 {Rank}：{ClosenessZh}；今年尚差 {QuotaGap} 项年度任务；"
          + $"今年已服务 {HalfHoursThisYear / 2m:0.0} 小时；进行中的服务 {OpenAssignments} 件。";

    private string ClosenessZh => Closeness switch
    {
        Closeness.LinkedHousehold => "联系户",
        Closeness.SameBuilding => "同楼栋",
        Closeness.SameGrid => "同网格",
        _ => "同社区",
    };
}
