"use strict";
document.getElementById("login").addEventListener("submit", async ev => {
  ev.preventDefault();
  const error = document.getElementById("error");
  error.textContent = "";
  try {
    await HF.api("/api/login", {method: "POST", body: {username: document.getElementById("username").value,
      password: document.getElementById("password").value}});
    const next = HF.param("next");
    location.href = next && next.startsWith("/") && !next.startsWith("//") ? next : "/index.html";
  } catch (e) {
    error.textContent = e.message;
  }
});
