using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Local.Hosting;
using Dispatch.Storage;

namespace Dispatch.Local.Orders;

/// <summary>What every order endpoint shares: load, authorize, apply, run effects, answer.</summary>
public sealed class OrderActions(OrderStore orders, OrderWorkflow workflow, EffectRunner runner, MemberStore members, Access access)
{
    public async Task<StoredOrder> LoadAsync(string orderId, CancellationToken ct) =>
        await orders.GetAsync(orderId, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("order"));

    public async Task<IResult> AsResidentAsync(HttpContext http, string orderId, OrderEvent e, CancellationToken ct)
    {
        access.Resident(http, orderId);
        return await ApplyAsync(http, orderId, e, ct);
    }

    public async Task<IResult> AsMemberAsync(HttpContext http, string orderId, Func<string, OrderEvent> make, CancellationToken ct)
    {
        var order = await LoadAsync(orderId, ct);
        var member = access.Member(http, order.State);
        return await ApplyAsync(http, orderId, make(member.Subject), ct);
    }

    /// <summary>Applies an already-authorized event; a rejection becomes a problem and changes nothing.</summary>
    public async Task<IResult> ApplyAsync(HttpContext http, string orderId, OrderEvent e, CancellationToken ct)
    {
        var (_, decision) = await workflow.ApplyAsync(orderId, e, ct);
        if (!decision.Accepted)
        {
            throw new ApiProblemException(ApiProblem.Rejected(decision.Rejection!));
        }

        await runner.RunAsync(orderId, ct);
        return Results.Ok(await ViewForAsync(http, await LoadAsync(orderId, ct), ct));
    }

    /// <summary>The view the caller's link entitles them to.</summary>
    public async Task<object> ViewForAsync(HttpContext http, StoredOrder order, CancellationToken ct)
    {
        var token = access.Read(http);
        var state = order.State;
        switch (token.Role)
        {
            case TokenRole.Member:
                var member = access.Member(http, state);
                return OrderViews.ForMember(state, order.Resident, member.Subject);
            case TokenRole.Organizer:
                access.Organizer(http, state.Request.Location.CommunityId);
                break;
            default:
                access.Resident(http, state.OrderId);
                break;
        }

        var assigned = state.MemberId is { } id ? await members.GetAsync(state.Request.Location.CommunityId, id, ct) : null;
        var history = await orders.HistoryAsync(state.OrderId, ct);
        return OrderViews.ForResident(state, order.Resident, assigned, history.Select(h => (h.Event, h.At)));
    }
}
