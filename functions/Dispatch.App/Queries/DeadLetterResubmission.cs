using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Storage;

namespace Dispatch.App.Queries;

/// <summary>An organizer sends an undeliverable offer of their community again (both hosts, over either
/// queue). Once sent, the dead letter is gone: asking again finds nothing (404) and sends nothing. The
/// delivery itself leaves the member's inbox alone if the order has moved on meanwhile.</summary>
public sealed class DeadLetterResubmission(IDeadLetters deadLetters, OrderStore orders)
{
    public async Task<DeadLetterResubmitted> ResubmitAsync(CommunityOrganizerLink organizer, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        Ids.Require(id, "id");
        var letter = await deadLetters.FindAsync(id, ct) ?? throw NotFound();
        var orderId = letter.OrderId
            ?? throw new ApiProblemException(ApiProblem.NotResubmittable("Its message names no order; it would only be set aside again."));

        // Only an organizer of the order's community; an order that is gone is listed to nobody.
        var order = await orders.GetAsync(orderId, ct) ?? throw NotFound();
        organizer.Of(order.State.Request.Location.CommunityId);

        // Not taken: gone since it was found (another request sent it: done, as asked), or held by another
        // request at this moment.
        if (!await deadLetters.ResubmitAsync(id, ct) && await deadLetters.FindAsync(id, ct) is not null)
        {
            throw new ApiProblemException(ApiProblem.Conflict("Another request is handling this undeliverable offer right now."));
        }

        return new DeadLetterResubmitted(id, orderId);
    }

    private static ApiProblemException NotFound() => new(ApiProblem.NotFound("undeliverable offer"));
}
