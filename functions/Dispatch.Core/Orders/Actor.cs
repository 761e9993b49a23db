namespace Dispatch.Core.Orders;

public enum ActorRole
{
    Resident,
    Member,
    Organizer,
    System,
}

/// <summary>Who caused an event, for the audit trail. Residents are not named here.</summary>
public sealed record Actor(ActorRole Role, string? Id = null)
{
    public static Actor Resident { get; } = new(ActorRole.Resident);

    public static Actor System { get; } = new(ActorRole.System);

    public static Actor Member(string memberId) => new(ActorRole.Member, memberId);

    public static Actor Organizer(string organizerId) => new(ActorRole.Organizer, organizerId);
}
