using Microsoft.AspNetCore.Http;

namespace Dispatch.App.Orders;

/// <summary>What an order route answers, chosen once by <see cref="OrderUseCases"/>: the status (200, 201 for a new
/// order, 202 for an event the Azure host's orchestration has not applied yet), the body, and the order's URL for
/// 201 and 202. Each host writes it its way: the local host as an <see cref="IResult"/> (<see cref="ToResult"/>),
/// the Azure host as the JSON content result its functions return.</summary>
public sealed record OrderAnswer(int Status, object Body, string? Location = null)
{
    public static OrderAnswer Ok(object body) => new(StatusCodes.Status200OK, body);

    public IResult ToResult() => Status switch
    {
        StatusCodes.Status201Created => Results.Created(Location, Body),
        StatusCodes.Status202Accepted => Results.Accepted(Location, Body),
        _ => Results.Ok(Body),
    };
}
