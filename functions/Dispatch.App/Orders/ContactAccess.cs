using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>A resident's contact for the organizers of an escalated order (a grid organizer: of their grid), on request
/// and with a reason; each view goes to the order's access log (<see cref="ContactAccessLog"/>), which the order's
/// organizers read. Any other status is 409 not-escalated; an erased order is 409 erased.</summary>
public sealed class ContactAccess(OrderReader reader, ContactAccessLog log, OrgDirectory org, TimeProvider clock)
{
    public async Task<ContactView> ViewAsync(OrganizerLink organizer, string orderId, ReasonRequest? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        var reason = FreeText.Reason(body?.Reason) ?? throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>
        {
            ["reason"] = ["查看居民联系方式需要填写原因。 Viewing a resident's contact needs a reason."],
        }));
        var order = await reader.LoadAsync(orderId, ct);
        organizer.For(order.State);
        if (order.State.Status != OrderStatus.Escalated)
        {
            throw new ApiProblemException(DeskProblems.NotEscalated());
        }

        if (order.Resident.Phone == ResidentDetails.ErasedText)
        {
            throw new ApiProblemException(DeskProblems.Erased());
        }

        var name = (await org.ListOrganizersAsync(organizer.CommunityId, ct)).FirstOrDefault(o => o.OrganizerId == organizer.OrganizerId)?.Name;
        await log.AddAsync(order.OrderId, organizer.OrganizerId, name ?? organizer.OrganizerId, reason, clock.GetUtcNow(), ct);
        return new ContactView(order.Resident.Name, order.Resident.Phone, order.Resident.Address, order.State.Reference);
    }

    public async Task<IReadOnlyList<ContactAccessView>> LogAsync(OrganizerLink organizer, string orderId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        var order = await reader.LoadAsync(orderId, ct);
        organizer.For(order.State);
        return [.. (await log.ListAsync(order.OrderId, ct)).Select(e => new ContactAccessView(e.OrganizerId, e.OrganizerName, e.At, e.Reason))];
    }
}
