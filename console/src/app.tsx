import { BrowserRouter, Navigate, NavLink, Route, Routes } from "react-router";
import { ClaimDetail } from "./screens/claim-detail";
import { FraudScoring } from "./screens/fraud-scoring";
import { LiveEvents } from "./screens/live-events";
import { Login } from "./screens/login";
import { ModelRegistry } from "./screens/model-registry";
import { Queue } from "./screens/queue";
import { Reports } from "./screens/reports";
import { isStaff, session, useSession } from "./session";

export function App() {
  const { user } = useSession();
  if (!user) return <Login />;
  const staff = isStaff(user);
  return (
    <BrowserRouter>
      <a className="skip" href="#content">
        Skip to content
      </a>
      <header>
        <nav aria-label="Main">
          <span className="brand">ClaimsEdge</span>
          <NavLink to="/">{staff ? "Work queue" : "My claims"}</NavLink>
          {staff ? <NavLink to="/reports">Reports</NavLink> : null}
          {staff ? <NavLink to="/fraud-scoring">Fraud scoring</NavLink> : null}
          {user.role === "admin" ? <NavLink to="/models">Models</NavLink> : null}
          {user.role === "customer" ? <NavLink to="/events">My events</NavLink> : null}
          <span className="who">
            {user.email} ({user.role})
          </span>
          <button type="button" onClick={session.end}>
            Log out
          </button>
        </nav>
      </header>
      <div id="content">
        <Routes>
          <Route path="/" element={<Queue />} />
          <Route path="/claims/:id" element={<ClaimDetail />} />
          {staff ? <Route path="/reports" element={<Reports />} /> : null}
          {staff ? <Route path="/fraud-scoring" element={<FraudScoring />} /> : null}
          {user.role === "admin" ? <Route path="/models" element={<ModelRegistry />} /> : null}
          {user.role === "customer" ? <Route path="/events" element={<LiveEvents />} /> : null}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </div>
    </BrowserRouter>
  );
}
