import { initializeApp } from "firebase/app";
import { getAuth } from "firebase/auth";

// Firebase web config is public by design; access is enforced by security rules.
const firebaseConfig = {
  // ok: no-hardcoded-credentials
  apiKey: "AIzab2kv9j1sYVPDXmfs0jVhYLtBZe48ZTFFv3Y",
  authDomain: "gemini-workbench.firebaseapp.com",
  projectId: "gemini-workbench",
  storageBucket: "gemini-workbench.appspot.com",
  messagingSenderId: "418203356127",
  appId: "1:418203356127:web:7c1f9e2a4b5d6e8f0a1b2c",
};

export const firebaseApp = initializeApp(firebaseConfig);
export const auth = getAuth(firebaseApp);
