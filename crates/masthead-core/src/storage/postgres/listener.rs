//! Hearing other connections' commits: a connection of its own that
//! `LISTEN`s on the channel write transactions `NOTIFY`.

use super::*;

/// Hears the commits of every connection to a team server: a connection
/// of its own that `LISTEN`s on the channel write transactions `NOTIFY`.
pub struct ChangeListener {
    client: postgres::Client,
    server: ServerLocation,
}

impl ChangeListener {
    pub fn connect(server: &ServerLocation) -> Result<ChangeListener> {
        let mut client = server.connect()?;
        client
            .batch_execute("LISTEN masthead_changed")
            .map_err(|e| map_error(server, e))?;
        Ok(ChangeListener {
            client,
            server: server.clone(),
        })
    }

    /// The server this listens to.
    pub fn server(&self) -> &ServerLocation {
        &self.server
    }

    /// Waits up to `timeout` for a commit; true when one (or more) came
    /// from a connection other than `own` (the app's own store, whose
    /// commits it has shown already). A lost connection is an error: make a
    /// new listener.
    pub fn wait(&mut self, timeout: std::time::Duration, own: Option<i32>) -> Result<bool> {
        use postgres::fallible_iterator::FallibleIterator;
        let server = self.server.clone();
        let mut notifications = self.client.notifications();
        let Some(first) = notifications
            .timeout_iter(timeout)
            .next()
            .map_err(|e| map_error(&server, e))?
        else {
            return Ok(false);
        };
        let mut others = Some(first.process_id()) != own;
        // Several commits at once are one change to show.
        while let Some(n) = notifications
            .iter()
            .next()
            .map_err(|e| map_error(&server, e))?
        {
            others |= Some(n.process_id()) != own;
        }
        Ok(others)
    }
}
