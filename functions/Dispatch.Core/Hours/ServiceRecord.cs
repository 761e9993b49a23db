using Dispatch.Core.Members;

namespace Dispatch.Core.Hours;

public enum ConfirmedBy
{
    Resident,
    Organizer,
}

/// <summary>One confirmed service, immutable once written. The record id is the order id, so an order
/// can credit hours only once; a correction is a new record (see <see cref="ServiceCorrection"/>).
/// A shift on a volunteer post has <see cref="PostId"/> set and the id "{postId}~{memberId}~{yyyyMMdd}".</summary>
public sealed record ServiceRecord(
    string RecordId,
    string OrderId,
    string MemberId,
    Location Location,
    ServiceCategory Category,
    bool IsWish,
    int HalfHours,
    DateOnly ServedOn,
    DateTimeOffset ConfirmedAt,
    ConfirmedBy ConfirmedBy,
    int? Rating,
    string? CorrectsRecordId = null,
    string? Reason = null,
    string? PostId = null)
{
    public decimal Hours => HalfHours / 2m;

    public bool IsCorrection => CorrectsRecordId is not null;
}
