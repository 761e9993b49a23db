using Dispatch.App.SignedLinks;
using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Core.Hours;
using Dispatch.Core.Orders;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.Orders;

/// <summary>Residents', members' and organizers' actions on one order, as both hosts serve them: validate, check
/// the link against the loaded order, build the event, let the host's <see cref="IOrderEngine"/> apply it, answer
/// with the caller's view (an <see cref="OrderAnswer"/>: 200; 202 with the order's URL when the engine has not
/// applied it yet).</summary>
public sealed class OrderUseCases(OrderReader reader, PlaceCheck places, OrderReferences references, MemberEvents memberEvents, HandDispatch hand, Links links, TimeProvider clock)
{
    /// <summary>201 with the order's URL for a new order; 200 for a resubmission with the same Idempotency-Key.</summary>
    public async Task<OrderAnswer> PlaceAsync(IOrderEngine engine, PlaceOrderRequest? body, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var (request, resident) = OrderForm.Validate(body, clock.GetUtcNow());
        return await PlaceAsync(engine, request, resident, idempotencyKey, ct);
    }

    /// <summary>代下单: an organizer places the order for a resident without a smartphone, in their community (a grid
    /// organizer: in their grid). The order records who placed it; the answer carries the resident's tracking link to
    /// read out or print. The same Idempotency-Key rules as the resident's form.</summary>
    public async Task<OrderAnswer> PlaceForResidentAsync(
        IOrderEngine engine, OrganizerLink organizer, PlaceOrderRequest? body, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        var (request, resident) = OrderForm.Validate(body, clock.GetUtcNow());
        organizer.Of(request.Location.CommunityId).Over(request.Location.GridId);
        // A resident without a smartphone hears about the order by text to the phone given (代下单).
        return await PlaceAsync(engine, request with { PlacedBy = organizer.OrganizerId }, resident with { WantsUpdates = true }, idempotencyKey, ct);
    }

    private async Task<OrderAnswer> PlaceAsync(IOrderEngine engine, OrderRequest request, ResidentDetails resident, string? idempotencyKey, CancellationToken ct)
    {
        var key = OrderForm.IdempotencyKey(idempotencyKey);
        var community = await places.EnsureKnownAsync(request, ct);
        var (order, created) = await engine.PlaceAsync(request, resident, key, async c => await references.AssignAsync(community, request, c), ct);
        var token = links.ResidentToken(order.OrderId);
        var response = new PlaceOrderResponse(order.OrderId, order.State.Status, Routes.TrackingPage(order.OrderId, token), token, order.State.Reference);
        return created ? new OrderAnswer(StatusCodes.Status201Created, response, OrderPath(order.OrderId)) : OrderAnswer.Ok(response);
    }

    public async Task<OrderAnswer> GetAsync(CallerLink caller, string orderId, CancellationToken ct) =>
        OrderAnswer.Ok(await reader.ViewForAsync(caller, await reader.LoadAsync(orderId, ct), ct));

    public Task<OrderAnswer> CancelAsync(IOrderEngine engine, ResidentLink resident, string orderId, ReasonRequest? body, CancellationToken ct) =>
        AsResidentAsync(engine, resident, orderId, new OrderCancelled(FreeText.Reason(body?.Reason)), ct);

    public Task<OrderAnswer> DisputeAsync(IOrderEngine engine, ResidentLink resident, string orderId, ReasonRequest? body, CancellationToken ct) =>
        AsResidentAsync(engine, resident, orderId, new ServiceDisputed(FreeText.Reason(body?.Reason)), ct);

    /// <summary>The resident confirms; an organizer of the order's community (a grid organizer: of its grid) may confirm
    /// on their behalf.</summary>
    public async Task<OrderAnswer> ConfirmAsync(IOrderEngine engine, CallerLink caller, string orderId, ConfirmRequest? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var order = await reader.LoadAsync(orderId, ct);
        var rating = body?.Rating;
        if (rating is < 1 or > 5)
        {
            throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>
            {
                ["rating"] = ["评分为 1–5 星。 A rating is from 1 to 5 stars."],
            }));
        }

        ServiceConfirmed e;
        if (caller.Role == TokenRole.Organizer)
        {
            var organizer = caller.OrganizerFor(order.State).OrganizerId;
            var reason = FreeText.Reason(body?.Reason) ?? throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>
            {
                ["reason"] = ["代居民确认需要填写原因。 Confirming for the resident needs a reason."],
            }));
            e = new ServiceConfirmed(ConfirmedBy.Organizer, organizer, rating, reason);
        }
        else
        {
            caller.ResidentOf(order.OrderId);
            e = new ServiceConfirmed(ConfirmedBy.Resident, null, rating);
        }

        return await ApplyAsync(engine, caller, order, e, ct);
    }

    public Task<OrderAnswer> AcceptAsync(IOrderEngine engine, MemberLink member, string orderId, CancellationToken ct) =>
        AsMemberAsync(engine, member, orderId, m => new OfferAccepted(m), ct);

    public Task<OrderAnswer> DeclineAsync(IOrderEngine engine, MemberLink member, string orderId, ReasonRequest? body, CancellationToken ct)
    {
        var reason = FreeText.Reason(body?.Reason);
        return AsMemberAsync(engine, member, orderId, m => new OfferDeclined(m, reason), ct);
    }

    public Task<OrderAnswer> ClaimAsync(IOrderEngine engine, MemberLink member, string orderId, CancellationToken ct) =>
        AsMemberAsync(engine, member, orderId, m => new WishClaimed(m), ct);

    public Task<OrderAnswer> HoursAsync(IOrderEngine engine, MemberLink member, string orderId, HoursRequest? body, CancellationToken ct) =>
        AsMemberAsync(engine, member, orderId, m => new HoursReported(m, ServiceHours.FromHours(body?.Hours ?? 0)), ct);

    /// <summary>Hand dispatch by an organizer of the order's community (a grid organizer: an order in their grid), to an
    /// active member of it.</summary>
    public async Task<OrderAnswer> DispatchAsync(IOrderEngine engine, OrganizerLink organizer, string orderId, DispatchRequest? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        var order = await reader.LoadAsync(orderId, ct);
        var community = organizer.For(order.State).CommunityId;
        var e = await hand.EventAsync(community, organizer.OrganizerId, body?.MemberId, ct);
        return await ApplyAsync(engine, new CallerLink(organizer.Token), order, e, ct);
    }

    public static string OrderPath(string orderId) => Routes.Order.Replace("{orderId}", Uri.EscapeDataString(orderId), StringComparison.Ordinal);

    private async Task<OrderAnswer> AsResidentAsync(IOrderEngine engine, ResidentLink resident, string orderId, OrderEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resident);
        resident.Of(orderId);
        return await ApplyAsync(engine, new CallerLink(resident.Token), await reader.LoadAsync(orderId, ct), e, ct);
    }

    private async Task<OrderAnswer> AsMemberAsync(IOrderEngine engine, MemberLink member, string orderId, Func<string, OrderEvent> make, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var order = await reader.LoadAsync(orderId, ct);
        return await ApplyAsync(engine, new CallerLink(member.Token), order, await memberEvents.EventAsync(member, order.State, make, ct), ct);
    }

    private async Task<OrderAnswer> ApplyAsync(IOrderEngine engine, CallerLink caller, StoredOrder order, OrderEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var applied = await engine.ApplyAsync(order, e, ct);
        var view = await reader.ViewForAsync(caller, applied.Order, ct, afterOwnAction: true);
        return applied.Done ? OrderAnswer.Ok(view) : new OrderAnswer(StatusCodes.Status202Accepted, view, OrderPath(order.OrderId));
    }
}
