using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.Local.Orders;

/// <summary>What every order endpoint shares: load, authorize, apply, run effects, answer.</summary>
public sealed class OrderActions(OrderReader reader, OrderWorkflow workflow, EffectRunner runner, Access access, MemberEvents memberEvents)
{
    public Task<StoredOrder> LoadAsync(string orderId, CancellationToken ct) => reader.LoadAsync(orderId, ct);

    public async Task<IResult> AsResidentAsync(HttpContext http, string orderId, OrderEvent e, CancellationToken ct)
    {
        access.Resident(http, orderId);
        return await ApplyAsync(http, orderId, e, ct);
    }

    public async Task<IResult> AsMemberAsync(HttpContext http, string orderId, Func<string, OrderEvent> make, CancellationToken ct)
    {
        var order = await LoadAsync(orderId, ct);
        return await ApplyAsync(http, orderId, await memberEvents.EventAsync(http.Request, order.State, make, ct), ct);
    }

    /// <summary>Applies an already-authorized event; a rejection becomes a problem and changes nothing.</summary>
    public async Task<IResult> ApplyAsync(HttpContext http, string orderId, OrderEvent e, CancellationToken ct)
    {
        if ((await workflow.ApplyAsync(orderId, e, ct)).Decision is Decision.Rejected rejected)
        {
            throw new ApiProblemException(ApiProblem.Rejected(rejected.Rejection));
        }

        await runner.RunAsync(orderId, ct);
        return Results.Ok(await reader.ViewForAsync(http.Request, await LoadAsync(orderId, ct), ct, afterOwnAction: true));
    }

    /// <summary>The view the caller's link entitles them to.</summary>
    public Task<object> ViewForAsync(HttpContext http, StoredOrder order, CancellationToken ct) => reader.ViewForAsync(http.Request, order, ct);
}
