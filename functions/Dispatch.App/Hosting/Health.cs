using Microsoft.AspNetCore.Http;

namespace Dispatch.App.Hosting;

/// <summary>The liveness answer both hosts give on <see cref="Core.Api.ApiContract.Health"/>: the process
/// answers requests. It touches no storage, so a storage outage (503 on the API) does not get the app
/// restarted by a health probe.</summary>
public static class Health
{
    public static IResult Check() => Results.Ok(new HealthView("ok"));
}

public sealed record HealthView(string Status);
