using System.Net;
using System.Net.Sockets;

namespace Dispatch.Testing;

/// <summary>Free loopback ports chosen by the OS, not drawn at random: a random draw may land on a port
/// another process holds. All listeners are held open until all are chosen, so the ports are distinct.</summary>
public static class LoopbackPorts
{
    public static int[] Free(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            foreach (var l in listeners)
            {
                l.Start();
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var l in listeners)
            {
                l.Stop();
            }
        }
    }

    /// <summary>Starts something on a fresh free port, once more on another port if the first was taken in
    /// the moment between choosing and binding it (bounded: three tries).</summary>
    public static async Task<T> StartOnFreePortAsync<T>(Func<int, Task<T>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start(Free(1)[0]);
            }
            catch (Exception e) when (attempt < 3 && IsAddressInUse(e))
            {
            }
        }
    }

    private static bool IsAddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
                || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
