-- Headless Neovim 0.7 as an LSP client of the kaoping server (vim.lsp.start_client; 0.7 has no
-- vim.lsp.start).  Opens KP_FILE, waits for its diagnostics, asks for a hover and a definition,
-- and writes everything as JSON to KP_OUT.
local file = os.getenv("KP_FILE")
local out = os.getenv("KP_OUT")
local root = os.getenv("KP_ROOT")
local node = os.getenv("KP_NODE")
local server = os.getenv("KP_SERVER")
local hover_line = tonumber(os.getenv("KP_HOVER_LINE"))
local hover_char = tonumber(os.getenv("KP_HOVER_CHAR"))

local result = { ok = false, diagnostics = {}, errors = {} }

local function finish()
  local f = assert(io.open(out, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qa!")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = "kaoping",
    cmd = { node, server, "--stdio" },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = "rules" } },
    on_error = function(code, e) table.insert(result.errors, tostring(code) .. " " .. tostring(e)) end,
  })
  assert(id, "start_client failed")
  assert(vim.lsp.buf_attach_client(buf, id), "buf_attach_client failed")

  result.ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
      code = d.code or lsp.code,
    })
  end

  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = hover_line, character = hover_char } }
  local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 10000)
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then result.hover = r.result.contents.value end
  end
  local defs = vim.lsp.buf_request_sync(buf, "textDocument/definition", params, 10000)
  for _, r in pairs(defs or {}) do
    if r.result then result.definition = r.result end
  end
  vim.lsp.stop_client(id)
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
